/**
 * Everything the popup shows about one market, rendered from a MarketView the background computed:
 * state, LFR with its band, the three nearest clusters each side, suggested stop, asymmetry, signals,
 * per-exchange freshness and the mini map. It renders numbers; it never estimates them.
 */
import type { Exchange } from '../engine/types';
import type { ExchangeHealth, MarketView } from '../messaging';
import { exchangeName } from '../sites';
import { PLACEHOLDER, formatAge, formatRatio } from './format';
import { analysisView, type ClusterRow } from './view-model/analysis';
import { MiniMap, TierLegend } from './MiniMap';

const STATE_TEXT: Record<MarketView['state'], string> = {
  loading: 'Loading market data…',
  ok: 'Up to date',
  partial: 'Partial map',
  stale: 'Stale: every exchange failed, showing the last good map',
  error: 'Error',
};

export function StateLine({ view, now }: { view: MarketView; now: number }) {
  const health = Object.entries(view.health) as [Exchange, ExchangeHealth][];
  const ready = health.filter(([, h]) => h.state !== 'loading').length;
  const progress = view.state === 'loading' && health.length > 0 ? ` (${ready} of ${health.length} exchanges)` : '';
  const age = view.asOf !== null && view.state !== 'loading' ? `, data ${formatAge(now - view.asOf)} old` : '';
  return (
    <p class={`ll-state ll-state-${view.state}`} role="status" data-testid="popup-state" data-state={view.state}>
      {STATE_TEXT[view.state]}
      {progress}
      {view.reason ? `: ${view.reason}` : ''}
      {age}
      {view.state === 'loading' && health.length > 0 && (
        <progress max={health.length} value={ready} aria-label="Exchanges loaded" data-testid="popup-progress" />
      )}
    </p>
  );
}

/** One side's heading row and its cluster rows. */
function ClusterGroup({ side, caption, rows }: { side: 'profit' | 'risk'; caption: string; rows: readonly ClusterRow[] }) {
  return (
    <>
      <tr>
        <th colSpan={3} scope="rowgroup">
          {caption}
        </th>
      </tr>
      <ClusterRows side={side} rows={rows} />
    </>
  );
}

function ClusterRows({ side, rows }: { side: 'profit' | 'risk'; rows: readonly ClusterRow[] }) {
  if (rows.length === 0) {
    return (
      <tr>
        <td colSpan={3} class="ll-muted">
          none within range
        </td>
      </tr>
    );
  }
  return (
    <>
      {rows.map((r, i) => (
        <tr data-testid={`popup-cluster-${side}-${i}`} data-usd={r.usd} data-low={r.low} data-high={r.high}>
          <td>{r.rangeText}</td>
          <td>{r.distanceText}</td>
          <td>{r.usdText}</td>
        </tr>
      ))}
    </>
  );
}

export function ViewSummary({ view, now }: { view: MarketView; now: number }) {
  const a = view.analysis;
  const v = a ? analysisView(a) : null;
  return (
    <section class="ll-view" aria-label={`${view.symbol} on ${exchangeName(view.exchange)}`}>
      <StateLine view={view} now={now} />
      {a && v ? (
        <>
          <div class="ll-lfr" data-testid="popup-lfr" data-value={v.lfr.value} data-band={v.lfr.state}>
            <span class="ll-label">LFR</span>
            <strong style={{ color: v.lfr.colour }}>{v.lfr.text}</strong>
            <span class="ll-band">{v.lfr.label}</span>
            <span class="ll-muted">
              {v.side} · vs {v.referenceKind === 'entry' ? 'entry' : 'mark'} {v.referenceText}
              {typeof view.entryLfr === 'number' ? ` · at entry ${formatRatio(view.entryLfr)}` : ''}
            </span>
          </div>
          {v.position && a.position && (
            <p data-testid="popup-position">
              Position: {v.position.side} {v.position.sizeText} @ {v.position.entryText}, {v.position.leverageText} {v.position.marginMode}
              {v.position.liqText !== null ? `, liq ${v.position.liqText}` : ''}
            </p>
          )}
          <MiniMap
            map={a.map}
            marks={{
              ...(a.stop.kind === 'stop' ? { stop: a.stop.price } : {}),
              ...(a.position?.liqPrice !== undefined ? { liq: a.position.liqPrice } : {}),
              ...(a.position ? { entry: a.position.entry } : {}),
            }}
          />
          <TierLegend tiers={a.map.tiers} />
          <table class="ll-clusters" data-testid="popup-clusters">
            <caption>Nearest clusters (estimated USD)</caption>
            <thead>
              <tr>
                <th scope="col">Band</th>
                <th scope="col">Distance</th>
                <th scope="col">USD</th>
              </tr>
            </thead>
            <tbody>
              <ClusterGroup side="profit" caption={`Profit side (${v.profitCaption})`} rows={v.clusters.profit} />
              <ClusterGroup side="risk" caption={`Risk side (${v.riskCaption})`} rows={v.clusters.risk} />
            </tbody>
          </table>
          <p data-testid="popup-stop" data-value={v.stop.value}>
            <span class="ll-label">Suggested stop</span>{' '}
            {v.stop.kind === 'stop' ? `${v.stop.priceText} (${v.stop.distanceText} away, ${v.stop.bufferText} beyond the cluster)` : v.stop.reason}
          </p>
          {v.stop.kind === 'stop' && v.stop.liqWarning && (
            <p class="ll-warn" data-testid="popup-liq-warning">
              {v.stop.liqWarning}
            </p>
          )}
          <p data-testid="popup-asymmetry">
            <span class="ll-label">Asymmetry</span>{' '}
            {v.asymmetry.ratio !== null ? `${v.asymmetry.ratio} long:short within ±${v.asymmetry.windowPct} %` : v.asymmetry.stateText}
            {v.asymmetry.percentileText !== null ? ` · ${v.asymmetry.percentileText}` : ''}
            {v.asymmetry.fragile !== null ? ` · fragile (${v.asymmetry.fragile})` : ''}
            <span class="ll-muted"> (reference {v.asymmetry.referenceText}:1; a risk signal, not a direction)</span>
          </p>
          {v.signals.length > 0 && (
            <ul class="ll-signals" data-testid="popup-signals" aria-label="Signals">
              {v.signals.map((s) => (
                <li class={`ll-${s.severity}`} data-kind={s.kind}>
                  {s.text}
                </li>
              ))}
            </ul>
          )}
          {v.partial && <p class="ll-muted">Some exchanges' data is partial: the map is incomplete.</p>}
        </>
      ) : (
        view.state !== 'loading' && <p data-testid="popup-empty">No map yet for {view.symbol}.</p>
      )}
      <Freshness view={view} now={now} />
    </section>
  );
}

function Freshness({ view, now }: { view: MarketView; now: number }) {
  const rows = Object.entries(view.health) as [Exchange, ExchangeHealth][];
  if (rows.length === 0) return null;
  return (
    <table class="ll-fresh" data-testid="popup-freshness">
      <caption>Data per exchange</caption>
      <tbody>
        {rows.map(([ex, h]) => (
          <tr data-testid={`popup-health-${ex}`} data-state={h.state}>
            <th scope="row">{exchangeName(ex)}</th>
            <td>{h.state}</td>
            <td>{h.fetchedAt !== undefined ? `${formatAge(now - h.fetchedAt)} ago` : PLACEHOLDER}</td>
            <td class="ll-muted">{h.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
