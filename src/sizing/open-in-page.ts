/**
 * Content-script side of the context menu: opens the sizing dialog in the overlay's shadow root with the
 * selected price (else the mark) as entry; one dialog at a time. Imports no engine code (bundle budget).
 */
import { sendMessage } from '../messaging';
import { mountSizingDialog } from '../overlay/SizingDialog';
import { parseSelectedPrice } from './price-text';

let close: (() => void) | null = null;

export function openSizingInPage(container: Element | ShadowRoot | DocumentFragment, req: unknown): void {
  close?.();
  // Checked on receipt: only a string selection and a positive finite mark are used.
  const r = (typeof req === 'object' && req !== null ? req : {}) as Record<string, unknown>;
  const selected = typeof r.selectionText === 'string' ? parseSelectedPrice(r.selectionText) : null;
  const mark = typeof r.mark === 'number' && Number.isFinite(r.mark) && r.mark > 0 ? r.mark : undefined;
  const entry = selected ?? mark;
  close = mountSizingDialog(container, {
    ...(entry !== undefined ? { initialEntry: entry } : {}),
    request: (r) => sendMessage('sizePosition', r),
    onClose: () => {
      close = null;
    },
  });
}
