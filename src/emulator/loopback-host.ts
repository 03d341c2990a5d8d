import { isIPv4, isIPv6 } from "node:net";

/** True for `localhost`, 127.0.0.0/8, `::1` and IPv4-mapped loopback: the only places the emulator listens. */
export function isLoopbackHost(host: string): boolean {
  if (host === "localhost") return true;
  if (isIPv4(host)) return host.startsWith("127.");
  if (isIPv6(host)) {
    const lower = host.toLowerCase();
    return lower === "::1" || lower === "0:0:0:0:0:0:0:1" || /^::ffff:127\./.test(lower);
  }
  return false;
}

export function hostForUrl(host: string): string {
  return isIPv6(host) ? `[${host}]` : host;
}
