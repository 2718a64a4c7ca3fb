/**
 * The subset of the TradingView Charting Library / Trading Platform widget API the bridge uses
 * (docs/pages-and-overlay.md §2.1). Everything is optional-checked at run time: exchanges ship
 * different library versions, and the page may change or wrap any of it.
 */

export type TvEntityId = string | number;

export interface TvPoint {
  /** UNIX seconds. */
  time?: number;
  price: number;
}

export interface TvShapeOptions {
  shape: string;
  text?: string;
  lock?: boolean;
  disableSelection?: boolean;
  disableSave?: boolean;
  disableUndo?: boolean;
  showInObjectsTree?: boolean;
  zOrder?: 'top' | 'bottom';
  overrides?: Record<string, unknown>;
}

export interface TvLineDataSource {
  getPoints(): TvPoint[];
  setPoints(points: TvPoint[]): void;
  getProperties(): Record<string, unknown>;
  setProperties(props: Record<string, unknown>): void;
}

export interface TvSubscription<T = unknown> {
  subscribe(obj: object | null, cb: (arg: T) => void): void;
  unsubscribe(obj: object | null, cb: (arg: T) => void): void;
}

export interface TvPriceScale {
  getVisiblePriceRange(): { from: number; to: number } | null;
  /** 0 Normal, 1 Log, 2 Percentage, 3 IndexedTo100. */
  getMode(): number;
  isInverted?(): boolean;
}

export interface TvPane {
  getMainSourcePriceScale(): TvPriceScale | null;
  getHeight(): number;
}

export interface TvChart {
  createShape(point: TvPoint, options: TvShapeOptions): Promise<TvEntityId | null> | TvEntityId | null;
  createMultipointShape(points: TvPoint[], options: TvShapeOptions): Promise<TvEntityId | null> | TvEntityId | null;
  getShapeById(id: TvEntityId): TvLineDataSource;
  removeEntity(id: TvEntityId): void;
  getAllShapes(): { id: TvEntityId; name: string }[];
  symbol(): string;
  resolution(): string;
  getPanes(): TvPane[];
  getVisibleRange?(): { from: number; to: number };
  crossHairMoved?(): TvSubscription<{ time?: number; price?: number }>;
  onVisibleRangeChanged?(): TvSubscription;
  onSymbolChanged?(): TvSubscription;
  onIntervalChanged?(): TvSubscription;
}

export interface TvWidget {
  activeChart?(): TvChart;
  chart?(index?: number): TvChart;
}

/** True when `x` looks like a widget with a usable chart (duck-typed: the page owns the object). */
export function chartOf(widget: unknown): TvChart | null {
  if (typeof widget !== 'object' || widget === null) return null;
  const w = widget as TvWidget;
  let chart: unknown = null;
  try {
    chart = typeof w.activeChart === 'function' ? w.activeChart() : typeof w.chart === 'function' ? w.chart() : null;
  } catch {
    return null;
  }
  if (typeof chart !== 'object' || chart === null) return null;
  const c = chart as Partial<TvChart>;
  return typeof c.symbol === 'function' && typeof c.getPanes === 'function' ? (chart as TvChart) : null;
}

export function canDraw(chart: TvChart): boolean {
  return (
    typeof chart.createShape === 'function' &&
    typeof chart.createMultipointShape === 'function' &&
    typeof chart.getShapeById === 'function' &&
    typeof chart.removeEntity === 'function' &&
    typeof chart.getAllShapes === 'function'
  );
}
