/** Hover details of a band: side, USD, tier mix, distance, depth ratio and its cascade chain. */
import type { Cascade } from '../engine/types';
import type { Band } from './bands';
import { cascadeOf, EMPHASIS_TIERS } from './bands';
import { DEFAULT_CONFIG } from '../engine/config';
import { formatPrice, formatRatio, formatSignedPct, formatUsd } from '../ui/format';

export function BandTooltip({ band, cascades, x, y }: { band: Band; cascades: readonly Cascade[]; x: number; y: number }) {
  const c = band.cluster;
  const chain = cascadeOf(c, cascades);
  const tiers = [...c.tierMix].filter((t) => t.usd > 0).sort((a, b) => a.leverage - b.leverage);
  return (
    <div class="ll-tip" data-testid="liqlens-tooltip" style={{ left: `${x + 14}px`, top: `${y + 14}px` }}>
      <div class="ll-tip-title">
        {band.side === 'long' ? 'Long' : 'Short'} liquidations · {formatUsd(c.usd)} <span class="ll-muted">(est.)</span>
      </div>
      <div>
        {formatPrice(c.low)} – {formatPrice(c.high)} · {formatSignedPct(c.distancePct)} from reference
      </div>
      <div>
        Tier mix:{' '}
        {tiers.map((t) => (
          <span key={t.leverage} class={t.leverage >= EMPHASIS_TIERS.min && t.leverage <= EMPHASIS_TIERS.max ? 'll-emph-text' : ''}>
            {t.leverage}x {formatUsd(t.usd)}{' '}
          </span>
        ))}
      </div>
      <div>If price reaches it: {formatUsd(c.cumulativeUsd)} liquidated on the way</div>
      <div>
        Depth ratio:{' '}
        {c.depthRatio === undefined ? 'no order book' : `${formatRatio(c.depthRatio)}${c.depthRatio > 1 ? ' — the book cannot absorb it' : ''}`}
      </div>
      {chain && (
        <div>
          Cascade: {chain.clusters.length} clusters, {formatUsd(chain.totalUsd)}, overshoot to {formatPrice(chain.overshoot.from)}–{formatPrice(chain.overshoot.to)}
          {chain.endedBy === 'gap' ? ` (ends at a ≥ ${DEFAULT_CONFIG.cascadeEndGapPct} % gap)` : ''}
        </div>
      )}
    </div>
  );
}
