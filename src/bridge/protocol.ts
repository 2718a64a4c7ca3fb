/**
 * The window-message protocol between the content script (ISOLATED world) and the chart bridge
 * (page MAIN world). The page can read and forge these messages (docs/design.md §12), so:
 * - nothing sensitive ever crosses: only prices, colours, labels and chart geometry;
 * - every payload is validated on receipt, in both directions, by the checks below.
 *
 * The checks are hand-written rather than valibot schemas: both ends ship them, and valibot would add
 * ≈ 10 kB to a content script whose whole budget is 60 kB (docs/design.md §11).
 */

/** Namespace prefix of the window transport; a per-page token is appended (see messenger.ts). */
export const BRIDGE_NAMESPACE_PREFIX = 'liqlens-bridge';

export interface BandSpec {
  key: string;
  kind: 'band';
  low: number;
  high: number;
  /** #rrggbb */
  colour: string;
  /** Fill opacity 0–1 (TradingView wants transparency 0–100 = 100·(1 − opacity)). */
  opacity: number;
  text: string;
}

export interface LineSpec {
  key: string;
  kind: 'line';
  price: number;
  colour: string;
  style: 'solid' | 'dashed' | 'dotted';
  /** 1–4 px */
  width: number;
  text: string;
}

export type ShapeSpec = BandSpec | LineSpec;

export interface DrawRequest {
  /** Canonical symbol the shapes belong to; the bridge refuses to draw on a chart showing another. */
  symbol: string;
  shapes: ShapeSpec[];
}

export type DrawResult = { kind: 'drawn'; created: number; updated: number; removed: number } | { kind: 'refused'; reason: string };

export type ChartProbe =
  | {
      found: true;
      /** Which discovery route worked, e.g. `iframe#tradingview_x › tradingViewApi`. */
      via: string;
      /** The chart's own symbol, normalised to canonical form ('' when unreadable). */
      symbol: string;
      resolution: string;
      canDraw: boolean;
      canScale: boolean;
    }
  | { found: false; reason: string };

/** Visible price range and main-pane geometry in top-window viewport CSS pixels. */
export interface ChartScale {
  from: number;
  to: number;
  mode: 'linear' | 'log';
  inverted: boolean;
  pane: { left: number; top: number; width: number; height: number };
}

/** Bridge → content: something about the chart changed. */
export type ChartEvent =
  | { kind: 'symbol' | 'interval' | 'recreated' | 'lost'; symbol: string; resolution: string }
  /**
   * x/y: the pointer in top-window viewport px, sent when the chart lives in a frame: the top document gets
   * no mouse events over it, so the content script cannot place the hover details by itself.
   */
  | { kind: 'crosshair'; price: number | null; x?: number; y?: number };

/** Message map for `defineWindowMessaging`; receivers still treat every payload as unknown. */
export interface BridgeProtocol {
  probe(): ChartProbe;
  scale(): ChartScale | null;
  draw(req: DrawRequest): DrawResult;
  clear(): DrawResult;
  /** The content script is going away (extension reloaded or updated): remove our shapes, unsubscribe, go quiet. */
  stop(): DrawResult;
  chartEvent(ev: ChartEvent): void;
}

/** Upper bound on our shapes: Binance persists chart state on drawing events, so stay small (docs/pages-and-overlay.md §2.4). */
export const MAX_SHAPES = 48;
const MAX_PRICE = 1e9;
const MAX_TEXT = 120;

/* ------------------------------------------------------------------ checks */

/** A check returns null when `x` is valid, else the path and problem (e.g. `shapes.2.low: not a price`). */
export type Check = (x: unknown, path: string) => string | null;

const at = (path: string, msg: string) => `${path || 'value'}: ${msg}`;
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

const price: Check = (x, p) => (isNum(x) && x > 0 && x <= MAX_PRICE ? null : at(p, 'not a price (finite, > 0, ≤ 1e9)'));
const px: Check = (x, p) => (isNum(x) && Math.abs(x) <= 1e5 ? null : at(p, 'not a pixel coordinate'));
const positivePx: Check = (x, p) => (isNum(x) && x >= 1 && x <= 1e5 ? null : at(p, 'not a positive pixel size'));
const text: Check = (x, p) => (typeof x === 'string' && x.length <= MAX_TEXT ? null : at(p, `not a string of ≤ ${MAX_TEXT} characters`));
const bool: Check = (x, p) => (typeof x === 'boolean' ? null : at(p, 'not a boolean'));
const count: Check = (x, p) => (isNum(x) && Number.isInteger(x) && x >= 0 ? null : at(p, 'not a count'));
const oneOf =
  (...values: readonly unknown[]): Check =>
  (x, p) =>
    values.includes(x) ? null : at(p, `not one of ${values.join('|')}`);
const matches =
  (re: RegExp, what: string): Check =>
  (x, p) =>
    typeof x === 'string' && re.test(x) ? null : at(p, what);
const symbolOrEmpty = matches(/^([A-Z0-9]{2,24})?$/, 'not a canonical symbol');

/** An object with exactly these keys (no extras: unknown fields are refused, not ignored). */
function exact(fields: Record<string, Check>): Check {
  return (x, p) => {
    if (!isObj(x)) return at(p, 'not an object');
    for (const k of Object.keys(x)) if (!(k in fields)) return at(p ? `${p}.${k}` : k, 'unexpected field');
    for (const [k, check] of Object.entries(fields)) {
      const err = check(x[k], p ? `${p}.${k}` : k);
      if (err) return err;
    }
    return null;
  };
}

/** Picks the check by a discriminating field. */
function variant(field: string, cases: Record<string, Check>): Check {
  return (x, p) => {
    if (!isObj(x)) return at(p, 'not an object');
    const tag = x[field];
    const check = typeof tag === 'string' || typeof tag === 'boolean' ? cases[String(tag)] : undefined;
    return check ? check(x, p) : at(p ? `${p}.${field}` : field, `not one of ${Object.keys(cases).join('|')}`);
  };
}

const shapeKey = matches(/^[a-z0-9:_-]{1,64}$/, 'shape key must be [a-z0-9:_-]{1,64}');
const colour = matches(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb');

const bandSpec = exact({
  key: shapeKey,
  kind: oneOf('band'),
  low: price,
  high: price,
  colour,
  opacity: (x, p) => (isNum(x) && x >= 0 && x <= 1 ? null : at(p, 'opacity must be 0–1')),
  text,
});
const lineSpec = exact({
  key: shapeKey,
  kind: oneOf('line'),
  price,
  colour,
  style: oneOf('solid', 'dashed', 'dotted'),
  width: oneOf(1, 2, 3, 4),
  text,
});
export const checkShapeSpec: Check = variant('kind', { band: bandSpec, line: lineSpec });

export const checkDrawRequest: Check = (x, p) => {
  const base = exact({
    symbol: matches(/^[A-Z0-9]{2,24}$/, 'symbol must be canonical BASEQUOTE'),
    shapes: (s, sp) => {
      if (!Array.isArray(s)) return at(sp, 'not an array');
      if (s.length > MAX_SHAPES) return at(sp, `more than ${MAX_SHAPES} shapes`);
      const keys = new Set<unknown>();
      for (let i = 0; i < s.length; i++) {
        const err = checkShapeSpec(s[i], `${sp}.${i}`);
        if (err) return err;
        const spec = s[i] as ShapeSpec;
        if (spec.kind === 'band' && !(spec.low < spec.high)) return at(`${sp}.${i}`, 'band low must be below high');
        if (keys.has(spec.key)) return at(`${sp}.${i}.key`, 'duplicate shape key');
        keys.add(spec.key);
      }
      return null;
    },
  });
  return base(x, p);
};

export const checkDrawResult: Check = variant('kind', {
  drawn: exact({ kind: oneOf('drawn'), created: count, updated: count, removed: count }),
  refused: exact({ kind: oneOf('refused'), reason: text }),
});

export const checkChartProbe: Check = variant('found', {
  true: exact({
    found: oneOf(true),
    via: text,
    symbol: symbolOrEmpty,
    resolution: matches(/^.{0,16}$/, 'resolution too long'),
    canDraw: bool,
    canScale: bool,
  }),
  false: exact({ found: oneOf(false), reason: text }),
});

export const checkChartScale: Check = (x, p) =>
  exact({
    from: price,
    to: price,
    mode: oneOf('linear', 'log'),
    inverted: bool,
    pane: exact({ left: px, top: px, width: positivePx, height: positivePx }),
  })(x, p) ?? ((x as ChartScale).from < (x as ChartScale).to ? null : at(p, 'visible range must have from < to'));

export const checkChartScaleOrNull: Check = (x, p) => (x === null ? null : checkChartScale(x, p));

const chartChange = exact({
  kind: oneOf('symbol', 'interval', 'recreated', 'lost'),
  symbol: symbolOrEmpty,
  resolution: matches(/^.{0,16}$/, 'resolution too long'),
});
export const checkChartEvent: Check = variant('kind', {
  symbol: chartChange,
  interval: chartChange,
  recreated: chartChange,
  lost: chartChange,
  crosshair: exact({
    kind: oneOf('crosshair'),
    price: (x, p) => (x === null ? null : price(x, p)),
    x: (v, p) => (v === undefined ? null : px(v, p)),
    y: (v, p) => (v === undefined ? null : px(v, p)),
  }),
});

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validates `data` with `check`; the error names the message and the offending field. */
export function parseMessage<T>(what: string, check: Check, data: unknown): Parsed<T> {
  const err = check(data, '');
  return err === null ? { ok: true, value: data as T } : { ok: false, error: `invalid ${what}: ${err}`.slice(0, MAX_TEXT) };
}

/** Chart symbol → canonical BASEQUOTE for the bridge's symbol check (forms: src/symbols/chart-symbol.ts). */
export { normaliseChartSymbol } from '../symbols/chart-symbol';
