// The sizing dialog as an extension page, framed into the trading page by the content script (src/sizing/
// open-in-page.ts). Framing keeps it out of the content-script bundle and out of the page's reach: the
// page cannot read what the trader types (account size) nor the numbers shown.
import { render } from 'preact';
import { sendMessage } from '../../src/messaging';
import { SizingDialog } from '../../src/ui/SizingDialog';
import { FRAME_MSG } from '../../src/sizing/frame-protocol';
import { parseSelectedPrice } from '../../src/sizing/price-text';
import './style.css';

const q = new URLSearchParams(location.search);
const entry = parseSelectedPrice(q.get('entry') ?? undefined) ?? undefined;
const tell = (type: string, extra: Record<string, unknown> = {}) => window.parent.postMessage({ source: FRAME_MSG, type, ...extra }, '*');

render(
  <SizingDialog
    {...(entry !== undefined ? { initialEntry: entry } : {})}
    request={(r) => sendMessage('sizePosition', r)}
    onClose={() => tell('close')}
  />,
  document.getElementById('app')!,
);

// Let the frame grow with its content (results, warnings) without scrollbars.
new ResizeObserver(() => tell('height', { height: Math.ceil(document.documentElement.scrollHeight) })).observe(document.body);
