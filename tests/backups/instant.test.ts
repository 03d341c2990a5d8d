import { compareInstants, epochSeconds, parseInstant, type Instant } from "../../src/backups/instant";

const at = (seconds: number, nanos: number): Instant => ({
  day: Math.floor(seconds / 86400),
  second: seconds - Math.floor(seconds / 86400) * 86400,
  nanos,
});

describe("parseInstant", () => {
  it("reads Z timestamps with 0 to 9 fractional digits", () => {
    expect(parseInstant("2026-11-28T03:00:00Z")).toEqual(at(1795834800, 0));
    expect(parseInstant("2026-11-28T03:00:00.5Z")).toEqual(at(1795834800, 500000000));
    expect(parseInstant("2026-11-28T03:00:00.123456789Z")).toEqual(at(1795834800, 123456789));
    expect(parseInstant("2026-11-28T03:00:00.000000001z")).toEqual(at(1795834800, 1));
  });

  it("agrees with Date.parse at millisecond precision", () => {
    for (const text of [
      "1970-01-01T00:00:00Z",
      "2000-02-29T23:59:59.999Z",
      "2038-01-19T03:14:08Z",
      "1969-12-31T23:59:59Z",
    ]) {
      const instant = parseInstant(text)!;
      expect(epochSeconds(instant) * 1000 + Math.floor(instant.nanos / 1e6)).toBe(Date.parse(text));
    }
  });

  it("carries offsets across midnight and the year boundary", () => {
    expect(parseInstant("2027-01-01T01:00:00+03:00")).toEqual(parseInstant("2026-12-31T22:00:00Z"));
    expect(parseInstant("2026-12-31T22:00:00-03:00")).toEqual(parseInstant("2027-01-01T01:00:00Z"));
    expect(parseInstant("2026-11-28 03:00:00Z")).toEqual(parseInstant("2026-11-28T03:00:00Z"));
  });

  it("applies UTC offsets", () => {
    expect(parseInstant("2026-11-28T06:00:00+03:00")).toEqual(parseInstant("2026-11-28T03:00:00Z"));
    expect(parseInstant("2026-11-27T21:30:00-05:30")).toEqual(parseInstant("2026-11-28T03:00:00Z"));
  });

  it("does not treat two-digit years as 19xx", () => {
    expect(epochSeconds(parseInstant("0099-01-01T00:00:00Z")!)).toBeLessThan(
      epochSeconds(parseInstant("1900-01-01T00:00:00Z")!),
    );
    expect(epochSeconds(parseInstant("0099-01-01T00:00:00Z")!)).toBe(-59042995200);
  });

  it.each([
    "",
    "2026-11-28",
    "2026-11-28T03:00Z",
    "2026-11-28T03:00:00",
    "2026-13-01T00:00:00Z",
    "2026-02-29T00:00:00Z",
    "2026-11-31T00:00:00Z",
    "2026-11-28T24:00:00Z",
    "2026-11-28T23:60:00Z",
    "2026-11-28T23:59:60Z",
    "2026-11-28T03:00:00.1234567890Z",
    "2026-11-28T03:00:00+24:00",
    "2026-11-28T03:00:00+0300",
    "2026-11-28T03:00:00.Z",
    "2026-11-28T03:00:00Z ",
    "2026-11-28T03:00:00+03:00:00",
    "2026-11-28T03:00:00+03",
    "2026-11-28T03:00:00-",
    "2026-11-28T03:00:0aZ",
    "2026/11/28T03:00:00Z",
    "+2026-11-28T03:00:00Z",
    "yesterday",
  ])("refuses %j", (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });

  it("orders instants at nanosecond precision", () => {
    const a = parseInstant("2026-11-28T03:00:00.000000001Z")!;
    const b = parseInstant("2026-11-28T03:00:00.000000002Z")!;
    expect(compareInstants(a, b)).toBeLessThan(0);
    expect(compareInstants(b, a)).toBeGreaterThan(0);
    expect(compareInstants(a, parseInstant("2026-11-28T06:00:00.000000001+03:00")!)).toBe(0);
  });
});
