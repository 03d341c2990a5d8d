import pRetry from "p-retry";
import { AttemptFailure } from "./attempt-failure";
import { fullJitterDelay } from "./backoff";
import type { RetryBudget } from "./retry-budget";
import type { RetryPolicy } from "./retry-policy";

export interface RetryRun<F extends AttemptFailure = AttemptFailure> {
  readonly policy: RetryPolicy;
  readonly budget: RetryBudget;
  readonly signal?: AbortSignal;
  /** What is being retried, for log lines, e.g. `page 3`. */
  readonly label: string;
  readonly log: (message: string) => void;
  readonly random?: () => number;
  /** The public error for the failure the loop gave up on, knowing how many attempts were made. */
  readonly toError: (failure: F, attempts: number) => Error;
}

/**
 * Runs one request with retries. The attempt throws an AttemptFailure (of type F); once the loop gives up,
 * `run.toError` makes the public error, with the number of attempts made. p-retry drives the loop; the
 * wait is ours (full jitter, or the server's Retry-After), so p-retry's own backoff is set to zero.
 */
export async function runWithRetry<T, F extends AttemptFailure>(
  attempt: (attemptNumber: number) => Promise<T>,
  run: RetryRun<F>,
): Promise<T> {
  let attempts = 0;
  try {
    return await pRetry(
      (n) => {
        attempts = n;
        return attempt(n);
      },
      {
        retries: run.policy.retries,
        minTimeout: 0,
        maxTimeout: 0,
        signal: run.signal,
        shouldRetry: async ({ error, attemptNumber }) => {
          if (!(error instanceof AttemptFailure) || !error.retryable) return false;
          const wanted = error.retryAfterMs ?? fullJitterDelay(run.policy, attemptNumber, run.random);
          const wait = Math.min(wanted, run.policy.maxTimeoutMs);
          const left = run.budget.remainingMs();
          if (wait > left) {
            run.log(
              `${run.label}: ${error.summary}; giving up, a ${wait} ms wait exceeds the ${left} ms retry budget left`,
            );
            return false;
          }
          run.log(
            `${run.label}: ${error.summary} on attempt ${attemptNumber}; retrying in ${wait} ms` +
              (error.retryAfterMs === undefined ? "" : " (Retry-After)"),
          );
          await sleep(wait, run.signal);
          return true;
        },
      },
    );
  } catch (error) {
    if (run.signal?.aborted) throw run.signal.reason;
    if (error instanceof AttemptFailure) throw run.toError(error as F, attempts);
    throw error;
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
