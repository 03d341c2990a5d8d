/**
 * An RFC 3339 timestamp reduced to a point in time at full (nanosecond) precision. Held as three small
 * integers, which V8 stores unboxed: a lookup makes two of these per backup.
 */
export interface Instant {
  /** Days since 1970-01-01 in UTC (negative before). */
  readonly day: number;
  /** Second of that UTC day, 0–86399. */
  readonly second: number;
  /** 0–999,999,999. */
  readonly nanos: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Days from 1970-01-01 to a civil date (proleptic Gregorian), free of Date's two-digit-year quirk. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The value of `count` ASCII digits at `at`, or -1 if any is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

const NANOS_SCALE = [1e9, 1e8, 1e7, 1e6, 1e5, 1e4, 1e3, 100, 10, 1];

/** Parses an RFC 3339 date-time (`T` or space, 0–9 fractional digits, `Z` or any offset). */
export function parseInstant(text: string): Instant | undefined {
  const instant = { day: 0, second: 0, nanos: 0 };
  return readInstant(text, instant) ? instant : undefined;
}

/**
 * parseInstant without the allocation: writes into `into` and says whether `text` was a timestamp.
 * Hand-written rather than a regular expression, as it runs twice per backup.
 */
export function readInstant(text: string, into: { day: number; second: number; nanos: number }): boolean {
  if (text.length < 20) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const t = text.charCodeAt(10);
  if (
    text.charCodeAt(4) !== 45 /* - */ ||
    text.charCodeAt(7) !== 45 ||
    (t !== 84 /* T */ && t !== 116 /* t */ && t !== 32) /* space */ ||
    text.charCodeAt(13) !== 58 /* : */ ||
    text.charCodeAt(16) !== 58 ||
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysIn(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    // Leap seconds (:60) are refused: protobuf Timestamps, which the API serialises, cannot hold them.
    second < 0 ||
    second > 59
  ) {
    return false;
  }
  let at = 19;
  let nanos = 0;
  if (text.charCodeAt(at) === 46 /* . */) {
    const start = ++at;
    while (at < text.length && at - start < 10) {
      const d = text.charCodeAt(at) - 48;
      if (d < 0 || d > 9) break;
      nanos = nanos * 10 + d;
      at++;
    }
    const count = at - start;
    if (count === 0 || count > 9) return false;
    nanos *= NANOS_SCALE[count];
  }
  let offset = 0;
  const zone = text.charCodeAt(at);
  if (zone === 90 /* Z */ || zone === 122 /* z */) {
    if (at + 1 !== text.length) return false;
  } else if (zone === 43 /* + */ || zone === 45 /* - */) {
    const offsetHours = digits(text, at + 1, 2);
    const offsetMinutes = digits(text, at + 4, 2);
    if (
      at + 6 !== text.length ||
      text.charCodeAt(at + 3) !== 58 ||
      offsetHours < 0 ||
      offsetHours > 23 ||
      offsetMinutes < 0 ||
      offsetMinutes > 59
    ) {
      return false;
    }
    offset = (zone === 45 ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  } else {
    return false;
  }
  let days = daysFromCivil(year, month, day);
  let seconds = hour * 3600 + minute * 60 + second - offset;
  if (seconds < 0) {
    days -= 1;
    seconds += 86400;
  } else if (seconds >= 86400) {
    days += 1;
    seconds -= 86400;
  }
  into.day = days;
  into.second = seconds;
  into.nanos = nanos;
  return true;
}

/** Negative when a is earlier than b, positive when later, 0 for the same instant. */
export function compareInstants(a: Instant, b: Instant): number {
  return a.day - b.day || a.second - b.second || a.nanos - b.nanos;
}

/** Whole seconds since the Unix epoch. */
export function epochSeconds(instant: Instant): number {
  return instant.day * 86400 + instant.second;
}
