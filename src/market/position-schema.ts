/**
 * A Position as messages carry it (background side, valibot): the identity fields by schema, the numbers
 * by the one position check (src/position/schema.ts), its problem reported at the field it names.
 * Here, not in src/position: it checks the exchange against the registry (src/sites), which sits above the
 * position domain.
 */
import * as v from 'valibot';
import { EXCHANGES } from '../sites';
import { CANONICAL_SYMBOL } from '../symbols/canonical';
import { positionIssue } from '../engine/position-check';

export const PositionSchema = v.pipe(
  v.object({
    exchange: v.picklist(EXCHANGES),
    symbol: v.pipe(v.string(), v.regex(CANONICAL_SYMBOL, 'expected a canonical symbol like BTCUSDT')),
    side: v.unknown(),
    entry: v.unknown(),
    size: v.unknown(),
    leverage: v.unknown(),
    marginMode: v.picklist(['isolated', 'cross'], 'margin mode must be cross or isolated'),
    liqPrice: v.optional(v.unknown()),
    source: v.picklist(['page', 'manual']),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = positionIssue(dataset.value);
    if (!problem) return;
    const value = dataset.value;
    addIssue({ message: problem.message, path: [{ type: 'object', origin: 'value', input: value, key: problem.field, value: value[problem.field] }] });
  }),
);
