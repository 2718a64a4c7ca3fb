/**
 * Renders the overlay from the store into two roots: the pixel layer (re-rendered on geometry or hover
 * changes, the hot path while the chart pans) and the panel (re-rendered on data changes only).
 */
import { render, type ComponentChildren } from 'preact';
import type { Side } from '../engine/types';
import type { Settings } from '../settings';
import { bandAtPrice, bandsPerSide, MAX_BANDS_PER_SIDE } from './bands';
import { BandTooltip } from './BandTooltip';
import { freshnessLabel } from './chart-view';
import { isCompact } from './compact';
import { derived } from './derive';
import { Ladder } from './Ladder';
import { Panel } from './Panel';
import { PixelLayer } from './PixelLayer';
import { ProfileCanvas } from './ProfileCanvas';
import { overlayStatus } from './status';
import type { OverlayState, Store } from './store';

export interface RenderHooks {
  onOverlayChange: (patch: Partial<Settings['overlay']>) => void;
  manual?: () => ComponentChildren;
  /** Builds the page-structure report (src/sites/dom/structure-report.ts) for the panel's button. */
  report?: () => string;
  /** Hedge mode: the panel's leg switch. */
  onPickHedge?: (side: Side | null) => Promise<void> | void;
}

const LAYER_KEYS: ReadonlySet<keyof OverlayState> = new Set(['scale', 'hover', 'view', 'position', 'overlay', 'tier', 'chartRect']);

export function mountOverlay(container: HTMLElement, store: Store<OverlayState>, hooks: RenderHooks): { renderLayer: () => void; unmount: () => void } {
  const root = document.createElement('div');
  root.className = 'll-root';
  const layerRoot = document.createElement('div');
  const panelRoot = document.createElement('div');
  root.append(layerRoot, panelRoot);
  container.append(root);
  const derive = derived();

  function renderLayer() {
    const s = store.get();
    const analysis = s.view?.analysis ?? null;
    const view = s.overlay.chartView;
    // The ladder is a list beside the chart, not a view on it: it keeps its full set of bands.
    const { bands, marks } = derive(analysis, s.position, s.tier === 'ladder' ? MAX_BANDS_PER_SIDE : bandsPerSide(view));
    const hovered = s.hover ? bandAtPrice(bands, s.hover.price) : null;
    const show = !s.overlay.hidden && analysis !== null;
    render(
      <>
        {show && view === 'profile' && s.tier !== 'ladder' && s.scale && (
          <ProfileCanvas scale={s.scale} map={analysis.map} opacity={s.overlay.opacity} label={freshnessLabel(s.view?.asOf ?? analysis.map.asOf)} />
        )}
        {show && s.tier === 'pixel' && s.scale && <PixelLayer scale={s.scale} bands={bands} marks={marks} opacity={s.overlay.opacity} hoveredKey={hovered?.key ?? null} />}
        {show && s.tier === 'ladder' && <Ladder bands={bands} marks={marks} reference={analysis?.reference ?? null} anchor={s.chartRect} belowBadge={isCompact(window.innerWidth)} />}
        {show && hovered && s.hover && <BandTooltip band={hovered} cascades={analysis?.cascades ?? []} x={s.hover.x} y={s.hover.y} />}
      </>,
      layerRoot,
    );
  }

  function renderPanel() {
    const s = store.get();
    const analysis = s.view?.analysis ?? null;
    render(
      <Panel
        state={s}
        status={overlayStatus(s.view, s.viewError, s.symbol, s.now)}
        analysis={analysis}
        onOverlayChange={hooks.onOverlayChange}
        manual={hooks.manual?.()}
        onPickHedge={hooks.onPickHedge}
        report={hooks.report}
        viewportWidth={window.innerWidth}
      />,
      panelRoot,
    );
  }

  const unsubscribe = store.subscribe((_s, changed) => {
    let panel = false;
    let layer = false;
    for (const k of changed) {
      if (LAYER_KEYS.has(k)) layer = true;
      if (k !== 'scale' && k !== 'hover') panel = true;
    }
    if (layer) renderLayer();
    if (panel) renderPanel();
  });
  // A rotated phone or a resized window can cross the compact width without the chart's rect changing.
  let compact = isCompact(window.innerWidth);
  const onResize = () => {
    if (isCompact(window.innerWidth) === compact) return;
    compact = !compact;
    renderLayer();
    renderPanel();
  };
  window.addEventListener('resize', onResize);
  renderLayer();
  renderPanel();
  return {
    renderLayer,
    unmount: () => {
      window.removeEventListener('resize', onResize);
      unsubscribe();
      render(null, layerRoot);
      render(null, panelRoot);
      root.remove();
    },
  };
}
