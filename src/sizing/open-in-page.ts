/**
 * Content-script side of the context menu: opens the sizing dialog in the overlay's shadow root with the
 * selected price (else the mark) as entry; one dialog at a time. Imports no engine code (bundle budget).
 */
import { sendMessage } from '../messaging';
import { mountSizingDialog } from '../overlay/SizingDialog';
import { parseSelectedPrice } from './price-text';

let close: (() => void) | null = null;

export function openSizingInPage(container: Element | ShadowRoot | DocumentFragment, req: { selectionText?: string; mark?: number }): void {
  close?.();
  const entry = parseSelectedPrice(req.selectionText) ?? (typeof req.mark === 'number' && req.mark > 0 ? req.mark : undefined);
  close = mountSizingDialog(container, {
    ...(entry !== undefined ? { initialEntry: entry } : {}),
    request: (r) => sendMessage('sizePosition', r),
    onClose: () => {
      close = null;
    },
  });
}
