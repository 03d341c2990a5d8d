import { createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";

/** A service account's public key as the emulator registers it (the fields of an authorized key). */
export interface ServiceAccountPublicKey {
  id: string;
  service_account_id: string;
  /** PEM, SPKI (`-----BEGIN PUBLIC KEY-----`). */
  public_key: string;
}

/** The JSON object `yc iam key create --output key.json` writes. */
export interface AuthorizedKey {
  id: string;
  service_account_id: string;
  /** RFC 3339. */
  created_at: string;
  key_algorithm: "RSA_2048" | "RSA_4096";
  /** PEM, SPKI. */
  public_key: string;
  /** PEM, PKCS#8, possibly after the warning line newer keys carry. */
  private_key: string;
}

export interface CreateServiceAccountKeyOptions {
  /** Default: a new id. */
  serviceAccountId?: string;
  /** Default 2048. */
  modulusLength?: 2048 | 4096;
  /** Put "PLEASE DO NOT REMOVE THIS LINE! ..." before the private key's PEM block, as newer keys do (default true). */
  withWarningLine?: boolean;
}

export interface RegisteredKey {
  readonly serviceAccountId: string;
  readonly publicKey: KeyObject;
}

const ID_ALPHABET = "abcdefghijklmnopqrstuv0123456789";

/** A 20-character id like Yandex Cloud's (`aje` and 17 lowercase base32 characters). */
export function newCloudId(): string {
  const tail = Array.from(randomBytes(17), (byte) => ID_ALPHABET[byte & 31]).join("");
  return `aje${tail}`;
}

function refuseKey(problem: string): never {
  throw new TypeError(`invalid service account key: ${problem}`);
}

/** Public keys by key id: what a JWT's `kid` is looked up in. */
export class ServiceAccountKeyRegistry {
  private readonly keys = new Map<string, RegisteredKey>();

  register(key: ServiceAccountPublicKey): void {
    if (typeof key !== "object" || key === null) refuseKey("expected an object");
    if (typeof key.id !== "string" || key.id === "") refuseKey("id must be a non-empty string");
    if (typeof key.service_account_id !== "string" || key.service_account_id === "") {
      refuseKey("service_account_id must be a non-empty string");
    }
    if (typeof key.public_key !== "string") refuseKey("public_key must be a PEM string");
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey(key.public_key);
    } catch {
      return refuseKey("public_key is not a PEM public key");
    }
    if (publicKey.asymmetricKeyType !== "rsa") refuseKey("public_key must be an RSA key");
    this.keys.set(key.id, { serviceAccountId: key.service_account_id, publicKey });
  }

  get(keyId: string): RegisteredKey | undefined {
    return this.keys.get(keyId);
  }
}

export function generateAuthorizedKey(options: CreateServiceAccountKeyOptions = {}): AuthorizedKey {
  const modulusLength = options.modulusLength ?? 2048;
  if (modulusLength !== 2048 && modulusLength !== 4096) refuseKey("modulusLength must be 2048 or 4096");
  const serviceAccountId = options.serviceAccountId ?? newCloudId();
  if (typeof serviceAccountId !== "string" || serviceAccountId === "") {
    refuseKey("serviceAccountId must be a non-empty string");
  }
  const { publicKey, privateKey } = generateKeyPairSync("rsa", {
    modulusLength,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const id = newCloudId();
  const warningLine = `PLEASE DO NOT REMOVE THIS LINE! Yandex.Cloud SA Key ID <${id}>\n`;
  return {
    id,
    service_account_id: serviceAccountId,
    created_at: new Date().toISOString(),
    key_algorithm: modulusLength === 4096 ? "RSA_4096" : "RSA_2048",
    public_key: publicKey,
    private_key: options.withWarningLine === false ? privateKey : `${warningLine}${privateKey}`,
  };
}
