/**
 * Units in the type system (issue #14 item 9): a `Price` cannot be passed where a `Usd` is expected, a
 * percentage (`Pct`, 1 = 1 %) not where a fraction (`Fraction`, 0.01 = 1 %) is, and so on.
 *
 * Like lightweight-charts' `Nominal<T, Name>`, each unit is the plain type intersected with a phantom
 * property that exists only for the compiler: zero cost at run time, nothing to construct or unwrap.
 * Unlike it, the phantom property is optional ("flavour" rather than "brand"): a bare `number` (a literal,
 * the result of arithmetic, a parsed field) is accepted as any unit, but a value already typed as one unit
 * is rejected where another is expected. That catches the real risk (handing `cluster.usd` to a price
 * slot, a `...Pct` to a fraction slot) without a cast at every formula, since `price * factor` is a
 * `number` again. The flip side: arithmetic drops the unit, so `price + usd` compiles; name the result.
 *
 * Who checks the value: the boundaries that produce these numbers (exchange API clients, page readers,
 * message schemas) type them, and the engine's validate.ts checks them (finite, > 0, …) at its door.
 */

/** Phantom key: never present at run time. */
declare const unit: unique symbol;

/** `T` tagged with the unit `Name`; see above for why the tag is optional. */
export type Unit<T, Name extends string> = T & { readonly [unit]?: Name };

/** A price in the quote currency (USDT) per coin, e.g. 97 000 for BTCUSDT. Also price levels and bounds. */
export type Price = Unit<number, 'Price'>;
/** A quote-currency (USDT) amount: notional, margin, liquidation volume. */
export type Usd = Unit<number, 'Usd'>;
/** A base-asset quantity (BTC for BTCUSDT): position size, OI in coin, book quantity. */
export type Coin = Unit<number, 'Coin'>;
/** A percentage: 1 = 1 %. */
export type Pct = Unit<number, 'Pct'>;
/** A fraction: 0.01 = 1 % (maintenance rate, funding rate, shares). */
export type Fraction = Unit<number, 'Fraction'>;
/** A point in time, ms since the Unix epoch (UTC). Durations stay plain `number` ms. */
export type UtcMs = Unit<number, 'UtcMs'>;
/** A canonical symbol BASE+QUOTE, e.g. `BTCUSDT` (src/symbols/canonical.ts defines the form). */
export type CanonicalSymbol = Unit<string, 'CanonicalSymbol'>;
