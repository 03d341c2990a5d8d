import { constants, createPrivateKey, sign, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { InvalidArgumentError } from "../errors";

/** A service account's authorized key, as `yc iam key create --output key.json` writes it, checked. */
export interface AuthorizedKey {
  readonly id: string;
  readonly serviceAccountId: string;
  readonly privateKey: KeyObject;
}

/** The audience Yandex IAM requires of every service-account JWT. */
export const IAM_JWT_AUDIENCE = "https://iam.api.cloud.yandex.net/iam/v1/tokens";
/** Yandex IAM takes JWTs that live at most an hour. */
const JWT_LIFETIME_SECONDS = 3600;
/** Newer keys carry this line before their PEM block. */
const WARNING_LINE = /^PLEASE DO NOT REMOVE THIS LINE![^\n]*\n/;
const RSA_ALGORITHMS = new Set(["RSA_2048", "RSA_4096"]);

/**
 * Reads an authorized key given as a path to its JSON file or as the JSON itself (as YC_SERVICE_ACCOUNT_KEY_FILE
 * allows both). Every problem is an InvalidArgumentError naming `argument` and the field; none quotes the key.
 */
export function readAuthorizedKey(value: string, argument: string): AuthorizedKey {
  const text = value.trimStart().startsWith("{") ? value : readKeyFile(value, argument);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidArgumentError(
      argument,
      "is not valid JSON: expected an authorized key as `yc iam key create` writes it",
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new InvalidArgumentError(argument, "is not a JSON object: expected an authorized key");
  }
  const key = parsed as Record<string, unknown>;
  const id = requiredString(key, "id", argument);
  const serviceAccountId = requiredString(key, "service_account_id", argument);
  const algorithm = key.key_algorithm;
  if (algorithm !== undefined && !RSA_ALGORITHMS.has(String(algorithm))) {
    throw new InvalidArgumentError(
      argument,
      `is ${JSON.stringify(String(algorithm).slice(0, 40))}: only RSA_2048 and RSA_4096 keys can sign the PS256 JWT Yandex IAM takes`,
      "key_algorithm",
    );
  }
  const pem = requiredString(key, "private_key", argument).replace(WARNING_LINE, "");
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new InvalidArgumentError(argument, "is not a PEM private key", "private_key");
  }
  if (privateKey.asymmetricKeyType !== "rsa") {
    throw new InvalidArgumentError(
      argument,
      `is an ${privateKey.asymmetricKeyType ?? "unknown"} key, not RSA: PS256 needs an RSA key`,
      "private_key",
    );
  }
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 2048)
    throw new InvalidArgumentError(
      argument,
      `is a ${bits}-bit RSA key; at least 2048 bits are needed`,
      "private_key",
    );
  return { id, serviceAccountId, privateKey };
}

/** A PS256-signed JWT that Yandex IAM exchanges for an IAM token. */
export function signServiceAccountJwt(
  key: AuthorizedKey,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): string {
  const header = base64url(JSON.stringify({ typ: "JWT", alg: "PS256", kid: key.id }));
  const payload = base64url(
    JSON.stringify({
      iss: key.serviceAccountId,
      aud: IAM_JWT_AUDIENCE,
      iat: nowSeconds,
      exp: nowSeconds + JWT_LIFETIME_SECONDS,
    }),
  );
  const signature = sign("sha256", Buffer.from(`${header}.${payload}`), {
    key: key.privateKey,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  });
  return `${header}.${payload}.${signature.toString("base64url")}`;
}

function readKeyFile(path: string, argument: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new InvalidArgumentError(
      argument,
      `names a key file that cannot be read: ${JSON.stringify(path.slice(0, 200))}${typeof code === "string" ? ` (${code})` : ""}`,
    );
  }
}

function requiredString(key: Record<string, unknown>, field: string, argument: string): string {
  const value = key[field];
  if (typeof value !== "string" || value === "")
    throw new InvalidArgumentError(argument, "is missing or not a string", field);
  return value;
}

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}
