import type { RetryPolicy } from "./retry-policy";

/**
 * "Full jitter" exponential backoff: a uniformly random wait between 0 and min(max, min·2^(retry-1)),
 * which spreads clients that failed together instead of having them retry in lockstep.
 */
export function fullJitterDelay(
  policy: RetryPolicy,
  retry: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxTimeoutMs, policy.minTimeoutMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** Reads a Retry-After header: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
