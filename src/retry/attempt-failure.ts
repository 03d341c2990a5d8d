/**
 * Why one attempt failed, as the retry loop needs to know it. The request layer decides what is retryable;
 * the retry loop decides whether there is time and budget left, and turns the last failure into the
 * public error once it gives up.
 */
export class AttemptFailure extends Error {
  constructor(
    /** Short description for logs, e.g. `HTTP 503` or `ECONNRESET`. */
    readonly summary: string,
    readonly retryable: boolean,
    /** Builds the public error once the loop gives up, knowing how many attempts were made. */
    readonly toError: (attempts: number) => Error,
    /** The server asked to wait this long (Retry-After), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(summary);
  }
}
