/**
 * Everything the popup shows about one market, rendered from a MarketView the background computed:
 * state, LFR with its band, the three nearest clusters each side, suggested stop, asymmetry, signals,
 * per-exchange freshness and the mini map. It renders numbers; it never estimates them.
 */
import type { Cluster, Exchange } from '../engine/types';
import type { ExchangeHealth, MarketView } from '../messaging';
import { exchangeName } from '../sites';
import { formatAge, formatPct, formatPrice, formatRatio, formatSignedPct, formatUsd, plainDecimal } from './format';
import { BAND_LABEL, lfrColour, lfrDataValue, lfrText } from './fuel';
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

function ClusterRows({ side, clusters, reference }: { side: 'profit' | 'risk'; clusters: readonly Cluster[]; reference: number }) {
  if (clusters.length === 0) {
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
      {clusters.map((c, i) => (
        <tr data-testid={`popup-cluster-${side}-${i}`} data-usd={plainDecimal(c.usd)} data-low={plainDecimal(c.low)} data-high={plainDecimal(c.high)}>
          <td>
            {formatPrice(c.low)}–{formatPrice(c.high)}
          </td>
          <td>{formatSignedPct(((c.centre - reference) / reference) * 100)}</td>
          <td>{formatUsd(c.usd)}</td>
        </tr>
      ))}
    </>
  );
}

export function ViewSummary({ view, now }: { view: MarketView; now: number }) {
  const a = view.analysis;
  return (
    <section class="ll-view" aria-label={`${view.symbol} on ${exchangeName(view.exchange)}`}>
      <StateLine view={view} now={now} />
      {a ? (
        <>
          <div class="ll-lfr" data-testid="popup-lfr" data-value={lfrDataValue(a.lfr)} data-band={a.lfr.kind === 'ratio' ? a.lfr.band : a.lfr.kind}>
            <span class="ll-label">LFR</span>
            <strong style={{ color: lfrColour(a.lfr) }}>{lfrText(a.lfr)}</strong>
            <span class="ll-band">{a.lfr.kind === 'ratio' ? BAND_LABEL[a.lfr.band] : ''}</span>
            <span class="ll-muted">
              {a.side} · vs {a.referenceKind === 'entry' ? 'entry' : 'mark'} {formatPrice(a.reference)}
              {typeof view.entryLfr === 'number' ? ` · at entry ${formatRatio(view.entryLfr)}` : ''}
            </span>
          </div>
          {a.position && (
            <p data-testid="popup-position">
              Position: {a.position.side} {a.position.size} @ {formatPrice(a.position.entry)}, {a.position.leverage}x {a.position.marginMode}
              {a.position.liqPrice !== undefined ? `, liq ${formatPrice(a.position.liqPrice)}` : ''}
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
              <tr>
                <th colSpan={3} scope="rowgroup">
                  Profit side ({a.side === 'long' ? 'short liquidations above' : 'long liquidations below'})
                </th>
              </tr>
              <ClusterRows side="profit" clusters={a.nearest.profit} reference={a.reference} />
              <tr>
                <th colSpan={3} scope="rowgroup">
                  Risk side ({a.side === 'long' ? 'long liquidations below' : 'short liquidations above'})
                </th>
              </tr>
              <ClusterRows side="risk" clusters={a.nearest.risk} reference={a.reference} />
            </tbody>
          </table>
          <p data-testid="popup-stop" data-value={a.stop.kind === 'stop' ? plainDecimal(a.stop.price) : ''}>
            <span class="ll-label">Suggested stop</span>{' '}
            {a.stop.kind === 'stop'
              ? `${formatPrice(a.stop.price)} (${formatPct(a.stop.distancePct)} away, ${formatPct(a.stop.bufferPct, 1)} beyond the cluster)`
              : a.stop.reason}
          </p>
          {a.stop.kind === 'stop' && a.stop.liquidationBeforeStop && (
            <p class="ll-warn" data-testid="popup-liq-warning">
              Your liquidation ({formatPrice(a.stop.liquidationBeforeStop.liqPrice)}) comes before the stop: at most {a.stop.liquidationBeforeStop.maxLeverage}x fits.
            </p>
          )}
          <p data-testid="popup-asymmetry">
            <span class="ll-label">Asymmetry</span>{' '}
            {a.asymmetry.ratio.kind === 'ratio'
              ? `${formatRatio(a.asymmetry.ratio.value)} long:short within ±${a.asymmetry.windowPct} %`
              : a.asymmetry.ratio.kind === 'no-short-fuel'
                ? 'no short liquidations in range'
                : 'no liquidations in range'}
            {a.asymmetry.percentile !== undefined ? ` · ${a.asymmetry.percentile.toFixed(0)}th percentile` : ''}
            {a.asymmetry.fragile !== 'no' ? ` · fragile (${a.asymmetry.fragile})` : ''}
            <span class="ll-muted"> (reference {a.asymmetry.referenceRatio}:1; a risk signal, not a direction)</span>
          </p>
          {a.signals.length > 0 && (
            <ul class="ll-signals" data-testid="popup-signals" aria-label="Signals">
              {a.signals.map((s) => (
                <li class={`ll-${s.severity}`} data-kind={s.kind}>
                  {s.message}
                </li>
              ))}
            </ul>
          )}
          {a.partial && <p class="ll-muted">Some exchanges' data is partial: the map is incomplete.</p>}
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
            <td>{h.fetchedAt !== undefined ? `${formatAge(now - h.fetchedAt)} ago` : '—'}</td>
            <td class="ll-muted">{h.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
