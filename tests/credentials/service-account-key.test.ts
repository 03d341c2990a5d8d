import { constants, generateKeyPairSync, verify } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  IAM_JWT_AUDIENCE,
  readAuthorizedKey,
  signServiceAccountJwt,
} from "../../src/credentials/service-account-key";
import { InvalidArgumentError } from "../../src/errors";

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const privatePem = rsa.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const goodKey = {
  id: "ajekeyid0000000000001",
  service_account_id: "ajesa00000000000000001",
  created_at: "2026-11-28T03:00:00Z",
  key_algorithm: "RSA_2048",
  public_key: rsa.publicKey.export({ type: "spki", format: "pem" }).toString(),
  private_key: `PLEASE DO NOT REMOVE THIS LINE! Yandex.Cloud SA Key ID <ajekeyid0000000000001>\n${privatePem}`,
};

function refusal(value: string): InvalidArgumentError {
  try {
    readAuthorizedKey(value, "YC_SERVICE_ACCOUNT_KEY_FILE");
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error("expected an InvalidArgumentError");
}

describe("readAuthorizedKey", () => {
  it("reads the key JSON itself, with the warning line newer keys carry", () => {
    const key = readAuthorizedKey(JSON.stringify(goodKey), "serviceAccountKey argument");
    expect(key).toMatchObject({ id: goodKey.id, serviceAccountId: goodKey.service_account_id });
    expect(key.privateKey.asymmetricKeyType).toBe("rsa");
  });

  it("reads a key file by its path, and a key without the warning line", () => {
    const dir = mkdtempSync(join(tmpdir(), "sa-key-"));
    const path = join(dir, "key.json");
    writeFileSync(path, JSON.stringify({ ...goodKey, private_key: privatePem }), { mode: 0o600 });
    expect(readAuthorizedKey(path, "YC_SERVICE_ACCOUNT_KEY_FILE").id).toBe(goodKey.id);
  });

  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" })
    .privateKey.export({ type: "pkcs8", format: "pem" })
    .toString();
  const small = generateKeyPairSync("rsa", { modulusLength: 1024 })
    .privateKey.export({ type: "pkcs8", format: "pem" })
    .toString();
  it.each<[string, string, string | undefined, RegExp]>([
    [
      "a path that does not exist",
      "/nonexistent/key.json",
      undefined,
      /cannot be read: "\/nonexistent\/key.json" \(ENOENT\)/,
    ],
    ["text that is not JSON", "{ not json", undefined, /is not valid JSON/],
    [
      "an id that is not a string",
      JSON.stringify({ ...goodKey, id: 7 }),
      "id",
      /field id is missing or not a string/,
    ],
    ["a key without id", JSON.stringify({ ...goodKey, id: undefined }), "id", /field id is missing/],
    [
      "a key without service_account_id",
      JSON.stringify({ ...goodKey, service_account_id: "" }),
      "service_account_id",
      /missing/,
    ],
    [
      "a key without private_key",
      JSON.stringify({ ...goodKey, private_key: undefined }),
      "private_key",
      /missing/,
    ],
    [
      "a private_key that is not PEM",
      JSON.stringify({ ...goodKey, private_key: "MIIEvQIBADANBg" }),
      "private_key",
      /not a PEM private key/,
    ],
    [
      "an EC key",
      JSON.stringify({ ...goodKey, key_algorithm: undefined, private_key: ec }),
      "private_key",
      /is an ec key, not RSA/,
    ],
    [
      "a 1024-bit RSA key",
      JSON.stringify({ ...goodKey, private_key: small }),
      "private_key",
      /1024-bit RSA key/,
    ],
    [
      "another algorithm",
      JSON.stringify({ ...goodKey, key_algorithm: "ED25519" }),
      "key_algorithm",
      /only RSA_2048 and RSA_4096/,
    ],
  ])("refuses %s, naming the field", (_name, value, field, message) => {
    const error = refusal(value);
    expect(error.argument).toBe("YC_SERVICE_ACCOUNT_KEY_FILE");
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("MII");
    expect(error.cause).toBeUndefined();
  });
});

describe("signServiceAccountJwt", () => {
  it("signs a PS256 JWT that Yandex IAM takes: kid, iss, aud, an hour's lifetime", () => {
    const key = readAuthorizedKey(JSON.stringify(goodKey), "k");
    const jwt = signServiceAccountJwt(key, 1795834800);
    const [header, payload, signature] = jwt.split(".");
    expect(JSON.parse(Buffer.from(header, "base64url").toString())).toEqual({
      typ: "JWT",
      alg: "PS256",
      kid: goodKey.id,
    });
    expect(JSON.parse(Buffer.from(payload, "base64url").toString())).toEqual({
      iss: goodKey.service_account_id,
      aud: IAM_JWT_AUDIENCE,
      iat: 1795834800,
      exp: 1795834800 + 3600,
    });
    const valid = verify(
      "sha256",
      Buffer.from(`${header}.${payload}`),
      { key: rsa.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
      Buffer.from(signature, "base64url"),
    );
    expect(valid).toBe(true);
  });
});
