import { constants, createPrivateKey, sign, type KeyObject } from "node:crypto";
import { IAM_JWT_AUDIENCE, IAM_TOKENS_PATH, type AuthorizedKey, type Emulator } from "../../src/emulator";
import type { ListBackupsCall } from "./list-backups-client";

export const IAM_TOKEN_SHAPE = /^t1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/;

export interface IssuedIamToken {
  iamToken: string;
  expiresAt: string;
}

/** POSTs to the IAM path; a string body is sent as it is, anything else as JSON. No bearer token. */
export async function postIamTokens(
  emulator: Emulator,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ListBackupsCall> {
  const response = await fetch(`${emulator.url}${IAM_TOKENS_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export async function exchangeForIamToken(emulator: Emulator, body: unknown): Promise<IssuedIamToken> {
  const call = await postIamTokens(emulator, body);
  if (call.status !== 200) throw new Error(`HTTP ${call.status}: ${call.text}`);
  return JSON.parse(call.text) as IssuedIamToken;
}

/** The private key's PEM block, without the warning line newer keys put before it. */
export function privateKeyOf(key: AuthorizedKey): KeyObject {
  return createPrivateKey(key.private_key.replace(/^PLEASE DO NOT REMOVE THIS LINE![^\n]*\n/, ""));
}

export interface JwtChanges {
  /** Merged into the header; an undefined value drops the field. */
  header?: Record<string, unknown>;
  payload?: Record<string, unknown>;
  privateKey?: KeyObject;
  saltLength?: number;
  nowSeconds?: number;
}

function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** A PS256 JWT for the key, as a correct client makes it, with the given changes. */
export function signServiceAccountJwt(key: AuthorizedKey, changes: JwtChanges = {}): string {
  const now = changes.nowSeconds ?? Math.floor(Date.now() / 1000);
  const header = base64urlJson({ typ: "JWT", alg: "PS256", kid: key.id, ...changes.header });
  const payload = base64urlJson({
    iss: key.service_account_id,
    aud: IAM_JWT_AUDIENCE,
    iat: now,
    exp: now + 3600,
    ...changes.payload,
  });
  const signature = sign("sha256", Buffer.from(`${header}.${payload}`), {
    key: changes.privateKey ?? privateKeyOf(key),
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: changes.saltLength ?? 32,
  });
  return `${header}.${payload}.${signature.toString("base64url")}`;
}
