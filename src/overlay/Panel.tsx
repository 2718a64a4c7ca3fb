/**
 * The overlay's card: symbol, status, LFR badge (with the entry-time LFR), suggested stop, position,
 * asymmetry, signals, legend and the user's controls. Carries the stable test hooks (issue 6).
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { DEFAULT_CONFIG } from '../engine/config';
import type { Analysis, Side } from '../engine/types';
import type { Settings } from '../settings';
import { PLACEHOLDER, formatLeverage, formatRatio, formatUsd, plainDecimal } from '../ui/format';
import { analysisView, lfrTitle, positionView, type AnalysisView } from '../ui/view-model/analysis';
import { lfrView } from '../ui/view-model/lfr';
import { CHART_VIEWS, CHART_VIEW_TEXT, type ChartView } from './chart-view';
import { BAND_COLOUR, STATE_COLOUR } from './colours';
import { compactAnchor, isCompact } from './compact';
import { ReportButton } from './ReportButton';
import { HedgeSwitch } from './HedgeSwitch';
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
  /** Builds the page-structure report; the details then offer "Copy page report". */
  report?: () => string;
  /** Hedge mode: the leg switch's action (remember and show this side's leg). */
  onPickHedge?: (side: Side | null) => Promise<void> | void;
  /** The viewport's width in CSS px (window.innerWidth): below 600 the panel docks as a badge (./compact.ts). */
  viewportWidth?: number;
}

const TIER_LABEL: Record<Tier, string> = { native: 'on chart', pixel: 'overlay', ladder: 'ladder' };

function Lfr({ view, entryLfr }: { view: AnalysisView | null; entryLfr: number | null | undefined }) {
  const lfr = view?.lfr ?? lfrView(null);
  return (
    <div class="ll-lfr-row">
      <span class="ll-lfr" data-testid="liqlens-lfr" data-value={lfr.ratio} data-band={lfr.band ?? ''} style={{ background: lfr.colour }} title={lfrTitle()}>
        LFR {lfr.text}
      </span>
      {lfr.band && <span class="ll-muted">{lfr.label}</span>}
      {typeof entryLfr === 'number' && Number.isFinite(entryLfr) && (
        <span class="ll-muted" data-testid="liqlens-entry-lfr" data-value={plainDecimal(entryLfr)}>
          at entry {formatRatio(entryLfr)}
        </span>
      )}
    </div>
  );
}

const [EMPH_MIN, EMPH_MAX] = DEFAULT_CONFIG.emphasisLeverage;

/** Opens the panel's details, where the manual position form (already open and prefilled after a failed read) sits. */
function openManualForm(e: Event) {
  const details = (e.currentTarget as Element).closest('.ll-panel')?.querySelector<HTMLDetailsElement>('details.ll-details');
  if (!details) return;
  details.open = true;
  details.querySelector('[data-testid="liqlens-manual-form"]')?.scrollIntoView?.({ block: 'nearest' });
}

export function Panel({ state, status, analysis, onOverlayChange, manual, onPickHedge, report, viewportWidth = window.innerWidth }: PanelProps) {
  // Phone layout: whether the card is open (it starts closed: the badge alone, off the price axis).
  const [open, setOpen] = useState(false);
  const badgeRef = useRef<HTMLButtonElement>(null);
  const compact = isCompact(viewportWidth);
  const p = state.position;
  const v = analysis ? analysisView(analysis) : null;
  // The panel shows the position the page reader holds (it can be newer than the analysis').
  const pv = p ? positionView(p) : null;
  const stop = v?.stop;
  const asym = v?.asymmetry;
  const rect = state.chartRect;
  const style = rect ? { left: `${rect.left + rect.width - 8}px`, top: `${rect.top + 8}px` } : { left: 'calc(100vw - 12px)', top: '60px' };
  const hidden = state.overlay.hidden;
  const head = (
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
  );
  const statusLine = (
    <div class="ll-status" data-testid="liqlens-status" data-state={status.state} style={{ color: STATE_COLOUR[status.state] }}>
      {status.text}
    </div>
  );
  const body = (
    <div class="ll-body">
      <Lfr view={v} entryLfr={state.view?.entryLfr} />
      <div data-testid="liqlens-stop" data-price={stop?.value ?? ''}>
        {stop?.kind === 'stop' ? (
          <>
            Stop <b>{stop.priceText}</b> <span class="ll-muted">({stop.distanceText} away, {stop.bufferText} beyond the cluster)</span>
            {stop.liqWarning && <div class="ll-warn">⚠ {stop.liqWarning}</div>}
          </>
        ) : (
          <span class="ll-muted">Stop: {stop?.reason ?? PLACEHOLDER}</span>
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
            {pv!.sideText} {pv!.sizeText} @ {pv!.entryText} · {pv!.leverageText} {pv!.marginMode}
            {pv!.liqText !== null && <> · liq {pv!.liqText}</>} <span class="ll-muted">({state.positionSource})</span>
          </>
        ) : state.positionState?.pageRead === 'invalid' ? (
          // The page shows a position that could not be used: say why, never "No position", and offer the form.
          <span class="ll-warn" data-testid="liqlens-position-unread">
            Position on the page not used: {state.positionState.reason ?? state.health}{' '}
            <button type="button" class="ll-btn" data-testid="liqlens-position-enter" onClick={openManualForm}>
              enter it
            </button>
          </span>
        ) : (
          <span class="ll-muted">No position: planned {analysis?.side ?? 'long'} trade</span>
        )}
      </div>
      <HedgeSwitch state={state.positionState} onPick={onPickHedge} />
      {asym && (
        <div data-testid="liqlens-asymmetry" title={`Long-liquidation USD below ÷ short-liquidation USD above within ±${asym.windowPct} %; the seed's ${asym.referenceText}:1 shown for reference. A risk signal, not a direction.`}>
          Asymmetry {asym.ratio !== null ? `${asym.ratio}:1` : asym.stateText}
          {asym.percentile !== null && <span class="ll-muted"> · p{asym.percentile}</span>}
          {asym.fragile !== null && <span class="ll-warn"> · fragile ({asym.fragile})</span>}
          <span class="ll-muted"> · ref {asym.referenceText}:1</span>
        </div>
      )}
      {v && v.signals.length > 0 && (
        <div class="ll-signals" data-testid="liqlens-signals">
          {v.signals.map((s) => (
            <span key={s.kind} class={`ll-signal ll-${s.severity}`} data-kind={s.kind} title={s.text} aria-label={s.text}>
              {s.chip}
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
        <span class="ll-muted">
          estimated · brighter edge = {formatLeverage(EMPH_MIN)}–{formatLeverage(EMPH_MAX)} share
        </span>
      </div>
      <details class="ll-details">
        <summary>details</summary>
        {v?.signals.map((s) => (
          <div key={s.kind} class={s.severity === 'warn' ? 'll-warn' : ''}>
            {s.chip} {s.text}
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
          {CHART_VIEW_TEXT.label}{' '}
          <select data-testid="liqlens-chart-view" value={state.overlay.chartView} onChange={(e) => onOverlayChange({ chartView: (e.currentTarget as HTMLSelectElement).value as ChartView })}>
            {CHART_VIEWS.map((view) => (
              <option key={view} value={view}>
                {CHART_VIEW_TEXT.views[view]}
              </option>
            ))}
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
        {report && <ReportButton build={report} />}
      </details>
    </div>
  );
  if (!compact)
    return (
      <div class={`ll-panel${hidden ? ' ll-collapsed' : ''}`} style={style} data-testid="liqlens-panel" data-layout="full">
        {head}
        {statusLine}
        {body}
      </div>
    );
  // The phone: a badge at the chart's top-left (the price axis and the last price are on the right); a tap
  // opens the card below it, a second tap or Escape closes it. The card stays in the DOM while closed.
  const at = compactAnchor(rect, viewportWidth);
  const lfr = v?.lfr ?? lfrView(null);
  const close = () => {
    setOpen(false);
    badgeRef.current?.focus();
  };
  return (
    <div
      class={`ll-panel ll-compact${open ? ' ll-open' : ''}${hidden ? ' ll-collapsed' : ''}`}
      style={{ left: `${at.left}px`, top: `${at.top}px`, maxWidth: `${Math.max(120, viewportWidth - at.left - 8)}px` }}
      data-testid="liqlens-panel"
      data-layout="compact"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={badgeRef}
        type="button"
        class="ll-badge"
        data-testid="liqlens-badge"
        aria-expanded={open}
        aria-controls="ll-card"
        aria-label={`LiqLens: LFR ${lfr.text}${lfr.band ? ` (${lfr.label})` : ''}, ${status.text}. ${open ? 'Close' : 'Open'} the panel`}
        onClick={() => (open ? close() : setOpen(true))}
      >
        <i class="ll-dot" style={{ background: STATE_COLOUR[status.state] }} />
        <span class="ll-badge-lfr" style={{ background: lfr.colour }}>
          LFR {lfr.text}
        </span>
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div class="ll-card" id="ll-card">
        {head}
        {statusLine}
        {body}
      </div>
    </div>
  );
}
