import { randomBytes } from "node:crypto";

export const DEFAULT_IAM_TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface IssuedIamToken {
  readonly token: string;
  readonly expiresAtMs: number;
}

export type IamTokenStanding = "valid" | "expired" | "unknown";

// Shaped like a real one: `t1.`, a base64url body, `.` and a 64-byte signature (86 base64url characters).
function newIamTokenText(): string {
  return `t1.${randomBytes(48).toString("base64url")}.${randomBytes(64).toString("base64url")}`;
}

/** IAM tokens the emulator issued, each with its expiry; expired ones are kept so they can be told apart. */
export class IamTokenRegistry {
  private readonly expiryByToken = new Map<string, number>();
  private issued = 0;

  constructor(public lifetimeMs: number = DEFAULT_IAM_TOKEN_LIFETIME_MS) {}

  get issuedCount(): number {
    return this.issued;
  }

  issue(nowMs: number): IssuedIamToken {
    const token = newIamTokenText();
    const expiresAtMs = nowMs + this.lifetimeMs;
    this.expiryByToken.set(token, expiresAtMs);
    this.issued++;
    return { token, expiresAtMs };
  }

  standing(token: string, nowMs: number): IamTokenStanding {
    const expiresAtMs = this.expiryByToken.get(token);
    if (expiresAtMs === undefined) return "unknown";
    return nowMs < expiresAtMs ? "valid" : "expired";
  }
}
