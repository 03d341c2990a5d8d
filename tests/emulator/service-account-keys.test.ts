import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { startEmulator, type Emulator } from "../../src/emulator";
import { privateKeyOf } from "./iam-client";

const CLOUD_ID = /^aje[a-v0-9]{17}$/;

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

describe("createServiceAccountKey", () => {
  it("returns the authorized-key JSON as `yc iam key create` writes it", () => {
    const key = emulator.createServiceAccountKey();
    expect(Object.keys(key)).toEqual([
      "id",
      "service_account_id",
      "created_at",
      "key_algorithm",
      "public_key",
      "private_key",
    ]);
    expect(key.id).toMatch(CLOUD_ID);
    expect(key.service_account_id).toMatch(CLOUD_ID);
    expect(Math.abs(Date.parse(key.created_at) - Date.now())).toBeLessThan(5000);
    expect(key.key_algorithm).toBe("RSA_2048");
    expect(key.public_key.startsWith("-----BEGIN PUBLIC KEY-----\n")).toBe(true);
    expect(
      key.private_key.startsWith(`PLEASE DO NOT REMOVE THIS LINE! Yandex.Cloud SA Key ID <${key.id}>\n`),
    ).toBe(true);
    expect(key.private_key).toContain("\n-----BEGIN PRIVATE KEY-----\n");
    const privateKey = privateKeyOf(key);
    expect(privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(createPublicKey(privateKey).export({ type: "spki", format: "pem" })).toBe(key.public_key);
  });

  it("leaves out the warning line when asked, and uses the given service account", () => {
    const key = emulator.createServiceAccountKey({
      serviceAccountId: "ajemyaccount00000000",
      withWarningLine: false,
    });
    expect(key.private_key.startsWith("-----BEGIN PRIVATE KEY-----\n")).toBe(true);
    expect(key.service_account_id).toBe("ajemyaccount00000000");
  });

  it("makes a new key id every time", () => {
    expect(emulator.createServiceAccountKey().id).not.toBe(emulator.createServiceAccountKey().id);
  });

  it("refuses an unsupported modulus length", () => {
    expect(() => emulator.createServiceAccountKey({ modulusLength: 1024 as 2048 })).toThrow(TypeError);
  });
});

describe("registerServiceAccountKey", () => {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({
    type: "spki",
    format: "pem",
  });
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({
    type: "spki",
    format: "pem",
  });

  it("takes an RSA public key", () => {
    expect(() =>
      emulator.registerServiceAccountKey({
        id: "ajekey",
        service_account_id: "ajesa",
        public_key: String(rsa),
      }),
    ).not.toThrow();
  });

  it.each([
    { id: "", service_account_id: "ajesa", public_key: String(rsa) },
    { id: "ajekey", service_account_id: "", public_key: String(rsa) },
    { id: "ajekey", service_account_id: "ajesa", public_key: "not a pem" },
    { id: "ajekey", service_account_id: "ajesa", public_key: String(ec) },
  ])("refuses %#", (key) => {
    expect(() => emulator.registerServiceAccountKey(key)).toThrow(TypeError);
  });
});
