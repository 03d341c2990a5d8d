import { createHash } from "node:crypto";

/** An IAM token as an issuer returned it. */
export interface IssuedToken {
  readonly iamToken: string;
  /** When the issuer says it stops working, in ms since the epoch. */
  readonly expiresAtMs: number;
}

interface Entry {
  header?: string;
  usableUntilMs?: number;
  pending?: Promise<string>;
}

/** Tokens are dropped this long before their expiry, as Yandex Cloud advises, */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;
/** and never kept longer than this after they were issued. */
export const MAX_TOKEN_REUSE_MS = 60 * 60_000;

/**
 * IAM tokens obtained by exchange, kept per credential for the life of the process, so that many lookups
 * in one Pulumi program make one exchange. Lookups that ask while an exchange is under way share it.
 * Entries are keyed by a hash of the credential: the cache never holds a credential itself.
 */
export class IamTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A digest of a credential, to key it by. */
  static keyOf(...parts: string[]): string {
    return createHash("sha256").update(parts.join("\0")).digest("hex");
  }

  /** The Authorization header for `key`, exchanging (once, however many ask) when there is no usable one. */
  authorization(key: string, exchange: () => Promise<IssuedToken>): Promise<string> {
    const entry = this.entries.get(key) ?? {};
    if (entry.header !== undefined && entry.usableUntilMs !== undefined && this.now() < entry.usableUntilMs) {
      return Promise.resolve(entry.header);
    }
    if (entry.pending) return entry.pending;
    const obtainedAt = this.now();
    const pending = exchange().then(
      (issued) => {
        entry.pending = undefined;
        entry.header = `Bearer ${issued.iamToken}`;
        entry.usableUntilMs = Math.min(
          issued.expiresAtMs - REFRESH_BEFORE_EXPIRY_MS,
          obtainedAt + MAX_TOKEN_REUSE_MS,
        );
        return entry.header;
      },
      (error: unknown) => {
        entry.pending = undefined;
        throw error;
      },
    );
    entry.pending = pending;
    this.entries.set(key, entry);
    return pending;
  }

  /** Forgets `header` if it is still the one held for `key`. */
  invalidate(key: string, header: string): void {
    const entry = this.entries.get(key);
    if (entry?.header === header) {
      entry.header = undefined;
      entry.usableUntilMs = undefined;
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The cache every lookup in this process shares. */
export const processTokenCache = new IamTokenCache();
