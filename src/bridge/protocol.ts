/**
 * The window-message protocol between the content script (ISOLATED world) and the chart bridge
 * (page MAIN world). The page can read and forge these messages (DESIGN §12), so:
 * - nothing sensitive ever crosses: only prices, colours, labels and chart geometry;
 * - every payload is validated on receipt, in both directions, with the schemas below.
 */
import * as v from 'valibot';

/** Namespace prefix of the window transport; a per-page token is appended (see messenger.ts). */
export const BRIDGE_NAMESPACE_PREFIX = 'liqlens-bridge';

const MAX_PRICE = 1e9;
const price = v.pipe(v.number(), v.finite(), v.minValue(Number.MIN_VALUE), v.maxValue(MAX_PRICE));
const px = v.pipe(v.number(), v.finite(), v.minValue(-1e5), v.maxValue(1e5));
const positivePx = v.pipe(v.number(), v.finite(), v.minValue(1), v.maxValue(1e5));
const colour = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb'));
const label = v.pipe(v.string(), v.maxLength(120));
const shapeKey = v.pipe(v.string(), v.regex(/^[a-z0-9:_-]{1,64}$/, 'shape key must be [a-z0-9:_-]{1,64}'));
export const canonicalSymbol = v.pipe(v.string(), v.regex(/^[A-Z0-9]{2,24}$/, 'symbol must be canonical BASEQUOTE'));

/** A cluster band, drawn as a rectangle across the chart. */
export const BandSpecSchema = v.strictObject({
  key: shapeKey,
  kind: v.literal('band'),
  low: price,
  high: price,
  colour,
  /** Fill opacity 0–1 (TradingView wants transparency 0–100 = 100·(1 − opacity)). */
  opacity: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1)),
  text: label,
});

/** A horizontal line (stop, entry, liquidation). */
export const LineSpecSchema = v.strictObject({
  key: shapeKey,
  kind: v.literal('line'),
  price,
  colour,
  style: v.picklist(['solid', 'dashed', 'dotted']),
  width: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4)),
  text: label,
});

export const ShapeSpecSchema = v.variant('kind', [BandSpecSchema, LineSpecSchema]);
export type BandSpec = v.InferOutput<typeof BandSpecSchema>;
export type LineSpec = v.InferOutput<typeof LineSpecSchema>;
export type ShapeSpec = v.InferOutput<typeof ShapeSpecSchema>;

/** Upper bound on our shapes: Binance persists chart state on drawing events, so stay small (research §2.4). */
export const MAX_SHAPES = 48;

export const DrawRequestSchema = v.pipe(
  v.strictObject({
    /** Canonical symbol the shapes belong to; the bridge refuses to draw on a chart showing another. */
    symbol: canonicalSymbol,
    shapes: v.pipe(v.array(ShapeSpecSchema), v.maxLength(MAX_SHAPES)),
  }),
  v.check((r) => new Set(r.shapes.map((s) => s.key)).size === r.shapes.length, 'shape keys must be unique'),
  v.check((r) => r.shapes.every((s) => s.kind !== 'band' || s.low < s.high), 'band low must be below high'),
);
export type DrawRequest = v.InferOutput<typeof DrawRequestSchema>;

export const DrawResultSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('drawn'),
    created: v.pipe(v.number(), v.integer(), v.minValue(0)),
    updated: v.pipe(v.number(), v.integer(), v.minValue(0)),
    removed: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.strictObject({ kind: v.literal('refused'), reason: label }),
]);
export type DrawResult = v.InferOutput<typeof DrawResultSchema>;

export const ChartProbeSchema = v.variant('found', [
  v.strictObject({
    found: v.literal(true),
    /** Which discovery route worked, e.g. `iframe#tradingview_x.tradingViewApi` (shown in the details). */
    via: label,
    /** The chart's own symbol string, normalised to canonical form ('' when unreadable). */
    symbol: v.union([canonicalSymbol, v.literal('')]),
    resolution: v.pipe(v.string(), v.maxLength(16)),
    canDraw: v.boolean(),
    canScale: v.boolean(),
  }),
  v.strictObject({ found: v.literal(false), reason: label }),
]);
export type ChartProbe = v.InferOutput<typeof ChartProbeSchema>;

/** Visible price range and main-pane geometry in top-window viewport CSS pixels. */
export const ChartScaleSchema = v.pipe(
  v.strictObject({
    from: price,
    to: price,
    mode: v.picklist(['linear', 'log']),
    inverted: v.boolean(),
    pane: v.strictObject({ left: px, top: px, width: positivePx, height: positivePx }),
  }),
  v.check((s) => s.from < s.to, 'visible range must have from < to'),
);
export type ChartScale = v.InferOutput<typeof ChartScaleSchema>;

/** Bridge → content: something about the chart changed. */
export const ChartEventSchema = v.variant('kind', [
  v.strictObject({
    kind: v.picklist(['symbol', 'interval', 'recreated', 'lost']),
    symbol: v.union([canonicalSymbol, v.literal('')]),
    resolution: v.pipe(v.string(), v.maxLength(16)),
  }),
  v.strictObject({ kind: v.literal('crosshair'), price: v.nullable(price) }),
]);
export type ChartEvent = v.InferOutput<typeof ChartEventSchema>;

/**
 * Message map for `defineWindowMessaging`. Receivers treat every payload as unknown and validate it
 * with the schemas above; the types here only help the sender.
 */
export interface BridgeProtocol {
  probe(): ChartProbe;
  scale(): ChartScale | null;
  draw(req: DrawRequest): DrawResult;
  clear(): DrawResult;
  chartEvent(ev: ChartEvent): void;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validates `data` against `schema`; the error names the message and the offending field. */
export function parseMessage<S extends v.GenericSchema>(what: string, schema: S, data: unknown): Parsed<v.InferOutput<S>> {
  const r = v.safeParse(schema, data);
  if (r.success) return { ok: true, value: r.output };
  const issue = r.issues[0];
  const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, error: `invalid ${what}${path ? ` at ${path}` : ''}: ${issue?.message ?? 'unknown'}` };
}

/**
 * Chart symbol strings come in many shapes (`BTCUSDT@…` on Binance, `BINANCE:BTCUSDT.P`, `BTC-USDT-SWAP`);
 * reduce them to canonical BASEQUOTE for comparison, '' when nothing usable is left.
 */
export function normaliseChartSymbol(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  let s = raw.split('@')[0] ?? '';
  s = s.includes(':') ? s.slice(s.lastIndexOf(':') + 1) : s;
  s = s.toUpperCase().replace(/\.P$/, '').replace(/[-_/]?(SWAP|PERP|PERPETUAL)$/, '');
  s = s.replace(/[^A-Z0-9]/g, '');
  return /^[A-Z0-9]{2,24}$/.test(s) ? s : '';
}
