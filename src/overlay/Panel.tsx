/**
 * The overlay's card: symbol, status, LFR badge (with the entry-time LFR), suggested stop, position,
 * asymmetry, signals, legend and the user's controls. Carries the stable test hooks (issue 6).
 */
import type { ComponentChildren } from 'preact';
import type { Analysis, Signal } from '../engine/types';
import type { Settings } from '../settings';
import { BAND_COLOUR, LFR_COLOUR, STATE_COLOUR } from './colours';
import { formatPct, formatPrice, formatUsd, plainDecimal } from '../ui/format';
import { LEGEND_TICKS_USD, usdOpacity } from './intensity';
import type { OverlayStatus } from './status';
import type { OverlayState, Tier } from './store';

export interface PanelProps {
  state: OverlayState;
  status: OverlayStatus;
  analysis: Analysis | null;
  onOverlayChange: (patch: Partial<Settings['overlay']>) => void;
  /** The manual position panel (owned by the page reader), shown in the details. */
  manual?: ComponentChildren;
}

/** Short chips (plain text: emoji fonts are missing on some systems); the full reason is in title and details. */
const SIGNAL_ICON: Record<Signal['kind'], string> = {
  'stale-map': 'STALE',
  'squeeze-setup': 'SQUEEZE',
  'thin-session': 'THIN',
  'macro-event': 'MACRO',
  'own-liq-before-stop': 'LIQ<STOP',
  'adverse-lfr': 'LFR↓',
};

const TIER_LABEL: Record<Tier, string> = { native: 'on chart', pixel: 'overlay', ladder: 'ladder' };

function Lfr({ analysis, entryLfr }: { analysis: Analysis | null; entryLfr: number | null | undefined }) {
  const lfr = analysis?.lfr;
  const value = lfr?.kind === 'ratio' ? lfr.value : null;
  const colour = lfr?.kind === 'ratio' ? LFR_COLOUR[lfr.band] : lfr?.kind === 'no-risk-fuel' ? LFR_COLOUR.strong : '#8b949e';
  const text = !lfr ? '—' : lfr.kind === 'ratio' ? lfr.value.toFixed(2) : lfr.kind === 'no-risk-fuel' ? 'no risk-side fuel' : 'no fuel';
  const band = lfr?.kind === 'ratio' ? lfr.band : '';
  return (
    <div class="ll-lfr-row">
      <span class="ll-lfr" data-testid="liqlens-lfr" data-value={plainDecimal(value)} data-band={band} style={{ background: colour }} title="Liquidation Fuel Ratio: estimated liquidation USD on the profit side ÷ on the risk side (3 nearest clusters each way)">
        LFR {text}
      </span>
      {band && <span class="ll-muted">{band === 'adverse' ? 'swimming upstream' : band}</span>}
      {typeof entryLfr === 'number' && Number.isFinite(entryLfr) && (
        <span class="ll-muted" data-testid="liqlens-entry-lfr" data-value={plainDecimal(entryLfr)}>
          at entry {entryLfr.toFixed(2)}
        </span>
      )}
    </div>
  );
}

export function Panel({ state, status, analysis, onOverlayChange, manual }: PanelProps) {
  const p = state.position;
  const stop = analysis?.stop;
  const asym = analysis?.asymmetry;
  const rect = state.chartRect;
  const style = rect ? { left: `${rect.left + rect.width - 8}px`, top: `${rect.top + 8}px` } : { left: 'calc(100vw - 12px)', top: '60px' };
  const hidden = state.overlay.hidden;
  return (
    <div class={`ll-panel${hidden ? ' ll-collapsed' : ''}`} style={style} data-testid="liqlens-panel">
      <div class="ll-head">
        <strong>LiqLens</strong>
        <span data-testid="liqlens-symbol">{state.symbol ?? ''}</span>
        <button
          type="button"
          class="ll-btn"
          data-testid="liqlens-toggle"
          // The label says the action (hide/show); a pressed state on top of a changing label contradicts it.
          // What the button does change is whether the panel body (and every drawing) is shown.
          aria-expanded={!hidden}
          onClick={() => onOverlayChange({ hidden: !hidden })}
          title={hidden ? 'Show LiqLens' : 'Hide everything LiqLens draws'}
        >
          {hidden ? 'show' : 'hide'}
        </button>
      </div>
      <div class="ll-status" data-testid="liqlens-status" data-state={status.state} style={{ color: STATE_COLOUR[status.state] }}>
        {status.text}
      </div>
      <div class="ll-body">
        <Lfr analysis={analysis} entryLfr={state.view?.entryLfr} />
        <div data-testid="liqlens-stop" data-price={stop?.kind === 'stop' ? plainDecimal(stop.price) : ''}>
          {stop?.kind === 'stop' ? (
            <>
              Stop <b>{formatPrice(stop.price)}</b> <span class="ll-muted">({formatPct(stop.distancePct)} away, {formatPct(stop.bufferPct)} beyond the cluster)</span>
              {stop.liquidationBeforeStop && (
                <div class="ll-warn">
                  ⚠ your liquidation {formatPrice(stop.liquidationBeforeStop.liqPrice)} comes first: use ≤ {stop.liquidationBeforeStop.maxLeverage}x
                </div>
              )}
            </>
          ) : (
            <span class="ll-muted">Stop: {stop?.kind === 'none' ? stop.reason : '—'}</span>
          )}
        </div>
        <div
          data-testid="liqlens-position"
          data-side={p ? p.side : 'none'}
          data-entry={plainDecimal(p?.entry)}
          data-size={plainDecimal(p?.size)}
          data-leverage={plainDecimal(p?.leverage)}
          data-liq={plainDecimal(p?.liqPrice)}
          data-source={p ? state.positionSource : 'none'}
        >
          {p ? (
            <>
              {p.side === 'long' ? 'Long' : 'Short'} {p.size} @ {formatPrice(p.entry)} · {p.leverage}x {p.marginMode}
              {p.liqPrice !== undefined && <> · liq {formatPrice(p.liqPrice)}</>} <span class="ll-muted">({state.positionSource})</span>
            </>
          ) : (
            <span class="ll-muted">No position: planned {analysis?.side ?? 'long'} trade</span>
          )}
        </div>
        {asym && (
          <div data-testid="liqlens-asymmetry" title={`Long-liquidation USD below ÷ short-liquidation USD above within ±${asym.windowPct} %; the seed's 2.5:1 shown for reference. A risk signal, not a direction.`}>
            Asymmetry {asym.ratio.kind === 'ratio' ? `${asym.ratio.value.toFixed(2)}:1` : asym.ratio.kind === 'no-short-fuel' ? 'no short fuel' : '—'}
            {asym.percentile !== undefined && <span class="ll-muted"> · p{Math.round(asym.percentile)}</span>}
            {asym.fragile !== 'no' && <span class="ll-warn"> · fragile ({asym.fragile})</span>}
            <span class="ll-muted"> · ref {asym.referenceRatio}:1</span>
          </div>
        )}
        {analysis && analysis.signals.length > 0 && (
          <div class="ll-signals" data-testid="liqlens-signals">
            {analysis.signals.map((s) => (
              <span key={s.kind} class={`ll-signal ll-${s.severity}`} data-kind={s.kind} title={s.message} aria-label={s.message}>
                {SIGNAL_ICON[s.kind]}
              </span>
            ))}
          </div>
        )}
        <div class="ll-legend" data-testid="liqlens-legend">
          <span><i style={{ background: BAND_COLOUR.long }} /> long liq.</span>
          <span><i style={{ background: BAND_COLOUR.short }} /> short liq.</span>
          {LEGEND_TICKS_USD.map((usd) => (
            <span key={usd}>
              <i style={{ background: '#c9d1d9', opacity: usdOpacity(usd) }} />
              {formatUsd(usd)}
            </span>
          ))}
          <span class="ll-muted">estimated · brighter edge = 10x–25x share</span>
        </div>
        <details class="ll-details">
          <summary>details</summary>
          {analysis?.signals.map((s) => (
            <div key={s.kind} class={s.severity === 'warn' ? 'll-warn' : ''}>
              {SIGNAL_ICON[s.kind]} {s.message}
            </div>
          ))}
          <div data-testid="liqlens-health">{state.health}</div>
          <div class="ll-muted" data-testid="liqlens-tier" data-tier={state.tier}>
            Drawing: {TIER_LABEL[state.tier]} — {state.tierReason}
            {state.tier === 'native' && state.nativeStatus ? ` · ${state.nativeStatus}` : ''}
          </div>
          {state.view &&
            Object.entries(state.view.health).map(([ex, h]) => (
              <div key={ex} class="ll-muted" data-testid="liqlens-exchange-health" data-exchange={ex} data-state={h?.state}>
                {ex}: {h?.state}
                {h?.reason ? ` — ${h.reason}` : ''}
              </div>
            ))}
          <label>
            Mode{' '}
            <select data-testid="liqlens-mode" value={state.overlay.mode} onChange={(e) => onOverlayChange({ mode: (e.currentTarget as HTMLSelectElement).value as Settings['overlay']['mode'] })}>
              <option value="auto">auto</option>
              <option value="native">on chart (native)</option>
              <option value="pixel">overlay (pixel)</option>
              <option value="ladder">ladder</option>
            </select>
          </label>
          <label>
            Opacity{' '}
            <input
              type="range"
              min="0.1"
              max="1"
              step="0.05"
              data-testid="liqlens-opacity"
              value={state.overlay.opacity}
              onChange={(e) => onOverlayChange({ opacity: Number((e.currentTarget as HTMLInputElement).value) })}
            />
          </label>
          {manual}
        </details>
      </div>
    </div>
  );
}
