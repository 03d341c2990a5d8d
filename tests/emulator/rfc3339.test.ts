import { parseRfc3339Nanos } from "../../src/emulator/rfc3339";

describe("parseRfc3339Nanos", () => {
  it("keeps all nine fractional digits", () => {
    expect(parseRfc3339Nanos("1970-01-01T00:00:01.123456789Z")).toBe(1_123_456_789n);
    expect(parseRfc3339Nanos("1970-01-01T00:00:00.5Z")).toBe(500_000_000n);
  });

  it("turns offsets into the same instant", () => {
    const utc = parseRfc3339Nanos("2026-11-21T03:00:00Z");
    expect(parseRfc3339Nanos("2026-11-21T06:00:00+03:00")).toBe(utc);
    expect(parseRfc3339Nanos("2026-11-20T23:30:00-03:30")).toBe(utc);
    expect(parseRfc3339Nanos("2026-11-21t03:00:00z")).toBe(utc);
  });

  it("knows leap years", () => {
    expect(parseRfc3339Nanos("2028-02-29T00:00:00Z")).toBe(BigInt(Date.UTC(2028, 1, 29)) * 1_000_000n);
    expect(parseRfc3339Nanos("2000-02-29T00:00:00Z")).toBeDefined();
    expect(parseRfc3339Nanos("2100-02-29T00:00:00Z")).toBeUndefined();
  });

  it("handles years below 100 without Date.UTC's 1900 shift", () => {
    expect(parseRfc3339Nanos("0050-01-01T00:00:00Z")).toBe(
      BigInt(Date.parse("0050-01-01T00:00:00Z")) * 1_000_000n,
    );
  });

  it.each([
    "2026-11-21",
    "2026-11-21T03:00:00",
    "2026-11-21 03:00:00Z",
    "2026-11-21T24:00:00Z",
    "2026-11-21T03:60:00Z",
    "2026-11-21T03:00:60Z",
    "2026-11-31T03:00:00Z",
    "2026-00-10T03:00:00Z",
    "0000-01-01T00:00:00Z",
    "2026-11-21T03:00:00.1234567890Z",
    "2026-11-21T03:00:00.Z",
    "2026-11-21T03:00:00+3:00",
    "2026-11-21T03:00:00+24:00",
    " 2026-11-21T03:00:00Z",
  ])("refuses %j", (text) => {
    expect(parseRfc3339Nanos(text)).toBeUndefined();
  });
});
