/**
 * Tier B: bands and marks drawn in our own layer exactly over the chart's main pane. The layer lets the
 * pointer through (pointer-events: none); only geometry changes re-render it.
 */
import type { Band } from './bands';
import { layoutBands } from './bands';
import { BAND_COLOUR } from './colours';
import { formatUsd, plainDecimal } from '../ui/format';
import { usdOpacity } from './intensity';
import type { Mark } from './marks';
import type { PriceScale } from './scale';

export interface PixelLayerProps {
  scale: PriceScale;
  bands: readonly Band[];
  marks: readonly Mark[];
  opacity: number;
  hoveredKey: string | null;
}

export function PixelLayer({ scale, bands, marks, opacity, hoveredKey }: PixelLayerProps) {
  const { pane } = scale.input;
  const boxes = layoutBands(bands, scale);
  return (
    <div class="ll-layer" data-testid="liqlens-layer" style={{ left: `${pane.left}px`, top: `${pane.top}px`, width: `${pane.width}px`, height: `${pane.height}px` }}>
      {boxes.map(({ band, top, height }) => (
        <div
          key={band.key}
          class={`ll-band ll-${band.side}${band.key === hoveredKey ? ' ll-hovered' : ''}`}
          data-testid="liqlens-band"
          data-side={band.side}
          data-low={plainDecimal(band.low)}
          data-high={plainDecimal(band.high)}
          data-usd={plainDecimal(band.usd)}
          style={{ top: `${top - pane.top}px`, height: `${height}px`, background: BAND_COLOUR[band.side], opacity: usdOpacity(band.usd) * opacity }}
        >
          {band.emphasis > 0 && <div class="ll-emph" style={{ width: `${Math.round(band.emphasis * 100)}%` }} />}
        </div>
      ))}
      {boxes.map(({ band, top, height }) =>
        height >= 12 ? (
          <div key={`${band.key}-t`} class="ll-band-text" style={{ top: `${top - pane.top + height / 2}px`, color: BAND_COLOUR[band.side] }}>
            {formatUsd(band.usd)}
          </div>
        ) : null,
      )}
      {marks.map((m) => {
        const y = scale.y(m.price) - pane.top;
        if (!(y >= 0 && y <= pane.height)) return null;
        return (
          <div key={m.key} class={`ll-line ll-${m.style}`} data-testid={`liqlens-line-${m.key}`} data-price={plainDecimal(m.price)} style={{ top: `${y}px`, borderColor: m.colour }}>
            <span class="ll-line-label" style={{ background: m.colour }}>{m.label}</span>
          </div>
        );
      })}
    </div>
  );
}
