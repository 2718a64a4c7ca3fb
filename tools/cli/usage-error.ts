/**
 * A bad command line (unknown flag, bad value) of `npm run backtest` or `npm run record`: the scripts
 * print the usage for it instead of a stack trace. Its own module so neither tool imports the other.
 */
export class UsageError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'UsageError';
  }
}
