// Page MAIN world (injected by the content script with injectScript): reaches the exchange's TradingView
// widget, which isolated-world content scripts cannot see. Wiring only; the logic is in src/bridge.
import { createBridgeMessenger, isBridgeToken } from '../src/bridge/messenger';
import { startBridgeServer } from '../src/bridge/server';

export default defineUnlistedScript(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const token = script?.dataset.liqlensToken;
  // Read once, then take the tag out of the page's DOM: the token only keeps instances apart.
  script?.remove();
  if (!isBridgeToken(token)) return;
  const { messenger } = createBridgeMessenger(window, token);
  startBridgeServer(window, messenger);
});
