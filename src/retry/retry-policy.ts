import { InvalidArgumentError } from "../errors";

/** How failed requests are retried. Every field is optional; see DEFAULT_RETRY_POLICY. */
export interface RetryOptions {
  /** Retries after the first attempt of each request (0–100). Default 5. */
  readonly retries?: number;
  /** Backoff ceiling of the first retry, in ms; it doubles on each retry. Default 1000. */
  readonly minTimeoutMs?: number;
  /** Longest wait between two attempts, in ms, Retry-After included. Default 20000. */
  readonly maxTimeoutMs?: number;
  /** Longest time the whole lookup may spend waiting to retry, in ms. Default 120000. */
  readonly maxRetryTimeMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  retries: 5,
  minTimeoutMs: 1000,
  maxTimeoutMs: 20000,
  maxRetryTimeMs: 120000,
});

const LIMITS: Record<keyof RetryOptions, { max: number; integer: boolean }> = {
  retries: { max: 100, integer: true },
  minTimeoutMs: { max: 3_600_000, integer: false },
  maxTimeoutMs: { max: 3_600_000, integer: false },
  maxRetryTimeMs: { max: 86_400_000, integer: false },
};

export function resolveRetryPolicy(options: RetryOptions | undefined): RetryPolicy {
  if (options === undefined || options === null) return DEFAULT_RETRY_POLICY;
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new InvalidArgumentError("retry", "must be an object");
  }
  const policy: Record<string, number> = { ...DEFAULT_RETRY_POLICY };
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const limit = LIMITS[key as keyof RetryOptions];
    if (!limit) throw new InvalidArgumentError(`retry.${key}`, "is not a retry option");
    const ok = typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= limit.max;
    if (!ok || (limit.integer && !Number.isInteger(value))) {
      throw new InvalidArgumentError(
        `retry.${key}`,
        `must be ${limit.integer ? "an integer" : "a number"} from 0 to ${limit.max}, got ${String(value)}`,
      );
    }
    policy[key] = value as number;
  }
  if (policy.maxTimeoutMs < policy.minTimeoutMs) {
    throw new InvalidArgumentError("retry.maxTimeoutMs", "must not be less than retry.minTimeoutMs");
  }
  return Object.freeze(policy as RetryPolicy);
}
