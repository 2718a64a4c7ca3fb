/** Messages from the framed sizing dialog to the content script that framed it (window.postMessage). */
export const FRAME_MSG = 'liqlens-sizing';

export type FrameMessage = { source: typeof FRAME_MSG; type: 'close' } | { source: typeof FRAME_MSG; type: 'height'; height: number };

/** Shape check on receipt (the page could post look-alikes; the caller also checks event.source). */
export function readFrameMessage(data: unknown): FrameMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.source !== FRAME_MSG) return null;
  if (d.type === 'close') return { source: FRAME_MSG, type: 'close' };
  if (d.type === 'height' && typeof d.height === 'number' && Number.isFinite(d.height) && d.height > 0 && d.height < 5000) {
    return { source: FRAME_MSG, type: 'height', height: d.height };
  }
  return null;
}
