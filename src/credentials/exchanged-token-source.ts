import { IamTokenCache, type IssuedToken } from "./iam-token-cache";
import type { TokenContext, TokenSource } from "./token-source";

/** A token source that obtains IAM tokens by an exchange, through the process-wide cache. */
export class ExchangedTokenSource implements TokenSource {
  constructor(
    readonly description: string,
    readonly secret: boolean,
    private readonly cacheKey: string,
    private readonly cache: IamTokenCache,
    private readonly exchange: (context: TokenContext) => Promise<IssuedToken>,
  ) {}

  authorization(context: TokenContext): Promise<string> {
    // The exchange runs without the caller's abort signal: other lookups may be waiting on it too.
    const shared = this.cache.authorization(this.cacheKey, () =>
      this.exchange({ ...context, signal: undefined }),
    );
    return abortable(shared, context.signal);
  }

  invalidate(authorization: string): boolean {
    this.cache.invalidate(this.cacheKey, authorization);
    return true;
  }

  toJSON(): Record<string, string> {
    return { description: this.description };
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
