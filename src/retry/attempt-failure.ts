/**
 * Why one attempt failed, as far as the retry loop needs to know: whether another attempt may succeed,
 * and how long the server asked to wait. The caller of the loop turns the last failure into its own
 * public error once the loop gives up.
 */
export class AttemptFailure extends Error {
  constructor(
    /** Short description for logs, e.g. `HTTP 503` or `ECONNRESET`. */
    readonly summary: string,
    readonly retryable: boolean,
    /** The server asked to wait this long (Retry-After), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(summary);
  }
}
