import { onMessage } from '../src/messaging';

export default defineBackground(() => {
  onMessage('ping', () => ({ ok: true as const, version: browser.runtime.getManifest().version }));
});
