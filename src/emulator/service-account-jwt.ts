import { constants, verify, type KeyObject } from "node:crypto";
import type { ServiceAccountKeyRegistry } from "./service-account-keys";
import { apiFailure, GrpcCode, type ApiFailure } from "./status-json";

export const IAM_JWT_AUDIENCE = "https://iam.api.cloud.yandex.net/iam/v1/tokens";
const MAX_JWT_LIFETIME_SECONDS = 3600;
const MAX_CLOCK_SKEW_SECONDS = 300;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
// PS256 as RFC 7518 defines it: the salt is as long as the SHA-256 digest.
const PS256_SALT_LENGTH = 32;

export interface VerifiedJwt {
  readonly keyId: string;
  readonly serviceAccountId: string;
}

function invalid(message: string): ApiFailure {
  return apiFailure(GrpcCode.INVALID_ARGUMENT, message);
}

function unauthenticated(message: string): ApiFailure {
  return apiFailure(GrpcCode.UNAUTHENTICATED, message);
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * Checks a service-account JWT as Yandex IAM does. A malformed token or header is INVALID_ARGUMENT (400);
 * an unknown key, a bad signature or a failed claim is UNAUTHENTICATED (401), the message naming the check.
 */
export function verifyServiceAccountJwt(
  jwt: string,
  keys: ServiceAccountKeyRegistry,
  nowMs: number,
): VerifiedJwt | ApiFailure {
  const parts = jwt.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) {
    return invalid("Invalid JWT: expected three base64url parts separated by dots");
  }
  const [encodedHeader, encodedPayload, encodedSignature] = parts;
  const header = decodeJsonObject(encodedHeader);
  if (header === undefined) return invalid("Invalid JWT: the header is not a JSON object");
  const payload = decodeJsonObject(encodedPayload);
  if (payload === undefined) return invalid("Invalid JWT: the payload is not a JSON object");
  if (header.alg !== "PS256") {
    return invalid(`Invalid JWT: alg must be PS256, not ${JSON.stringify(header.alg ?? null)}`);
  }
  if (header.typ !== "JWT") return invalid('Invalid JWT: typ must be "JWT"');
  if (typeof header.kid !== "string" || header.kid === "") {
    return invalid("Invalid JWT: kid must name the service account key");
  }

  const keyId = header.kid;
  const key = keys.get(keyId);
  if (key === undefined) return unauthenticated(`JWT kid: unknown service account key ${keyId}`);
  if (!signatureVerifies(`${encodedHeader}.${encodedPayload}`, encodedSignature, key.publicKey)) {
    return unauthenticated(`JWT signature: does not verify with the public key of ${keyId}`);
  }
  if (payload.iss !== key.serviceAccountId) {
    return unauthenticated(`JWT iss: must be ${key.serviceAccountId}, the service account of key ${keyId}`);
  }
  if (payload.aud !== IAM_JWT_AUDIENCE) return unauthenticated(`JWT aud: must be ${IAM_JWT_AUDIENCE}`);
  const { iat, exp } = payload;
  if (!isFiniteNumber(iat) || !isFiniteNumber(exp)) {
    return unauthenticated("JWT iat, exp: both must be numbers (seconds since the epoch)");
  }
  if (exp - iat > MAX_JWT_LIFETIME_SECONDS) {
    return unauthenticated(`JWT exp - iat: the token may live at most ${MAX_JWT_LIFETIME_SECONDS} seconds`);
  }
  const nowSeconds = nowMs / 1000;
  if (exp <= nowSeconds) return unauthenticated("JWT exp: the token has expired");
  if (iat > nowSeconds + MAX_CLOCK_SKEW_SECONDS) {
    return unauthenticated("JWT iat: issued more than 5 minutes in the future");
  }
  return { keyId, serviceAccountId: key.serviceAccountId };
}

function signatureVerifies(signedText: string, encodedSignature: string, publicKey: KeyObject): boolean {
  try {
    return verify(
      "sha256",
      Buffer.from(signedText),
      { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: PS256_SALT_LENGTH },
      Buffer.from(encodedSignature, "base64url"),
    );
  } catch {
    return false;
  }
}
