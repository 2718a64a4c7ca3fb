// Seen only by `tsc -p src/engine` (the engine checked alone; the root tsconfig excludes this file). The
// exchange ids come from the registry (src/sites/index.ts) by declaration merging, which that check does
// not load, so `Exchange` would be `never` and code indexing by it would not type-check. One stand-in id
// keeps the check about the engine's own code, which must not depend on which exchanges exist.
import './types';

declare module './types' {
  interface ExchangeRegistry {
    'engine-standalone-check': true;
  }
}
