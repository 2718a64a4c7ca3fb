/** The overlay's status line: loading, ok, partial (which exchange failed), stale (age), error (reason). */
import type { MarketView } from '../messaging';
import { formatAge } from '../ui/format';

export type OverlayStatus = { state: MarketView['state']; text: string };

export function overlayStatus(view: MarketView | null, viewError: string | null, symbol: string | null, now: number): OverlayStatus {
  if (!symbol) return { state: 'error', text: 'no trading symbol in this page' };
  if (viewError) return { state: 'error', text: viewError };
  if (!view) return { state: 'loading', text: `loading ${symbol} market data…` };
  const age = view.asOf !== null ? formatAge(now - view.asOf) : null;
  const failed = Object.entries(view.health)
    .filter(([, h]) => h && h.state !== 'ok' && h.state !== 'off')
    .map(([ex, h]) => `${ex}: ${h!.reason ?? h!.state}`);
  switch (view.state) {
    case 'loading':
      return { state: 'loading', text: view.reason ?? `loading ${symbol} market data…` };
    case 'ok':
      return { state: 'ok', text: age ? `estimated · updated ${age} ago` : 'estimated' };
    case 'partial':
      return { state: 'partial', text: `partial — ${view.reason ?? (failed.join('; ') || 'some exchanges failed')}` };
    case 'stale':
      return { state: 'stale', text: `stale — last good map ${age ?? 'of unknown age'} old${view.reason ? ` (${view.reason})` : ''}` };
    case 'error':
      return { state: 'error', text: view.reason ?? (failed.join('; ') || 'no usable market data') };
  }
}
