import { fullJitterDelay, parseRetryAfter } from "../../src/retry/backoff";
import { DEFAULT_RETRY_POLICY } from "../../src/retry/retry-policy";

describe("fullJitterDelay", () => {
  it("draws from 0 up to a ceiling that doubles per retry and stops at maxTimeoutMs", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, minTimeoutMs: 100, maxTimeoutMs: 1000 };
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6].map((retry) => fullJitterDelay(policy, retry, top))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(fullJitterDelay(policy, 3, () => 0)).toBe(0);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-28T03:00:00Z");
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Sat, 28 Nov 2026 03:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Sat, 28 Nov 2026 02:59:00 GMT", now)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("-1", now)).toBeUndefined();
    expect(parseRetryAfter("1.5", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
