/**
 * Paints the profile model (profile-model.ts) on one canvas at the pane's right edge, in our shadow root,
 * letting the pointer through. Sized in device pixels (devicePixelRatio) and redrawn only when the map, the
 * price scale or the opacity changes: hover re-renders of the layer leave it alone.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { plainDecimal } from '../ui/format';
import { BAND_COLOUR } from './colours';
import { profileModel, type ProfileMap, type ProfileModel } from './profile-model';
import type { PriceScale } from './scale';

/** The tiers outside 10x–25x, relative to the emphasised ones. */
export const PROFILE_MUTED_ALPHA = 0.4;

export interface ProfileCanvasProps {
  scale: PriceScale;
  map: ProfileMap;
  opacity: number;
  /** "estimated · updated 12:05 UTC" (chart-view.ts). */
  label: string;
}

export function paintProfile(ctx: CanvasRenderingContext2D, model: ProfileModel, dpr: number, opacity: number): void {
  const w = model.maxWidth;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  // Whole device pixels: a bar covers exactly the rows of its bin, so it sits within a pixel of the price.
  const px = (v: number) => Math.round(v * dpr);
  for (const bar of model.bars) {
    const y0 = px(bar.y);
    const h = Math.max(1, px(bar.y + bar.height) - y0);
    ctx.fillStyle = BAND_COLOUR[bar.side];
    let right = w;
    for (const seg of bar.segments) {
      const left = right - seg.width;
      const x0 = px(left);
      const x1 = px(right);
      if (x1 > x0) {
        ctx.globalAlpha = opacity * (seg.emphasised ? 1 : PROFILE_MUTED_ALPHA);
        ctx.fillRect(x0, y0, x1 - x0, h);
      }
      right = left;
    }
  }
  ctx.globalAlpha = 1;
}

export function ProfileCanvas({ scale, map, opacity, label }: ProfileCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { pane } = scale.input;
  const dpr = window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
  const model = useMemo(() => profileModel(map, (p) => scale.y(p) - pane.top, pane.height, pane.width), [map, scale]);
  const w = model.maxWidth;
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const bw = Math.round(w * dpr);
    const bh = Math.round(pane.height * dpr);
    if (canvas.width !== bw) canvas.width = bw;
    if (canvas.height !== bh) canvas.height = bh;
    paintProfile(ctx, model, dpr, opacity);
  }, [model, opacity, dpr]);
  if (w <= 0) return null;
  return (
    <>
      <canvas
        ref={ref}
        class="ll-profile"
        data-testid="liqlens-profile"
        data-bars={model.bars.length}
        data-max-usd={plainDecimal(model.maxUsd)}
        style={{ left: `${pane.left + pane.width - w}px`, top: `${pane.top}px`, width: `${w}px`, height: `${pane.height}px` }}
        aria-hidden="true"
      />
      <div class="ll-profile-label" data-testid="liqlens-profile-label" style={{ left: `${pane.left + pane.width - 4}px`, top: `${pane.top + pane.height - 4}px` }}>
        {label}
      </div>
    </>
  );
}
