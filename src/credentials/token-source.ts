import type { RetryBudget } from "../retry/retry-budget";
import type { RetryPolicy } from "../retry/retry-policy";

/** What a token source may need to make requests of its own (an exchange): the lookup's own settings. */
export interface TokenContext {
  readonly policy: RetryPolicy;
  readonly budget: RetryBudget;
  readonly timeoutMs: number;
  readonly userAgent: string;
  readonly log: (message: string) => void;
  readonly random?: () => number;
  readonly signal?: AbortSignal;
}

/** Where the bearer token of every request comes from. */
export interface TokenSource {
  /** Names the source for logs and errors, e.g. `YC_TOKEN (OAuth token)`; never the credential. */
  readonly description: string;
  /** The credential came from secret stack config: what depends on it should stay secret. */
  readonly secret: boolean;
  /** The value of the Authorization header. */
  authorization(context: TokenContext): Promise<string>;
  /**
   * The API refused this Authorization value: forget it, so the next authorization() makes a fresh
   * exchange. False when the source has nothing fresher to give (a fixed IAM token).
   */
  invalidate(authorization: string): boolean;
}
