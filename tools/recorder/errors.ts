/** A recorder failure that names the exchange, the endpoint (or stream) and the offending field. */
export class RecorderError extends Error {
  constructor(
    readonly exchange: string,
    readonly endpoint: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${exchange} ${endpoint}: ${field}: ${detail}`);
    this.name = 'RecorderError';
  }
}
