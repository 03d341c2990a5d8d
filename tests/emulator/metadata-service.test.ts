import { METADATA_TOKEN_PATH, startEmulator, type Emulator } from "../../src/emulator";
import { IAM_TOKEN_SHAPE } from "./iam-client";
import { callListBackups, callPath, numberedBackups } from "./list-backups-client";

const CLUSTER = "c9qmetadata00000001";
const GOOGLE = { "Metadata-Flavor": "Google" };

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ metadata: true, clusters: { [CLUSTER]: numberedBackups(2) } });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.enableMetadataService();
  emulator.clearFaults();
  emulator.clearRequests();
  emulator.setIamTokenLifetime(12 * 60 * 60 * 1000);
});

function metadataToken(headers: Record<string, string> = GOOGLE, method = "GET") {
  return callPath(emulator, METADATA_TOKEN_PATH, { token: null, headers, method });
}

describe("the VM metadata service's token path", () => {
  it("answers access_token, expires_in and token_type with Metadata-Flavor: Google", async () => {
    const before = emulator.issuedTokenCount;
    const call = await metadataToken();
    expect(call.status).toBe(200);
    expect(call.headers.get("content-type")).toBe("application/json");
    const body = JSON.parse(call.text) as { access_token: string; expires_in: number; token_type: string };
    expect(Object.keys(body)).toEqual(["access_token", "expires_in", "token_type"]);
    expect(body.access_token).toMatch(IAM_TOKEN_SHAPE);
    expect(body.expires_in).toBe(43200);
    expect(body.token_type).toBe("Bearer");
    expect(emulator.issuedTokenCount).toBe(before + 1);
  });

  it("gives tokens listBackups accepts until they expire", async () => {
    emulator.setIamTokenLifetime(1500);
    const body = JSON.parse((await metadataToken()).text) as { access_token: string; expires_in: number };
    expect(body.expires_in).toBe(1);
    expect((await callListBackups(emulator, CLUSTER, {}, { token: body.access_token })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await callListBackups(emulator, CLUSTER, {}, { token: body.access_token })).status).toBe(401);
  });

  it("refuses a request without Metadata-Flavor: Google with 403", async () => {
    expect((await metadataToken({})).status).toBe(403);
    expect((await metadataToken({ "Metadata-Flavor": "Yandex" })).status).toBe(403);
    expect(JSON.parse((await metadataToken({})).text)).toMatchObject({ code: 7 });
  });

  it("answers other methods with 501", async () => {
    expect((await metadataToken(GOOGLE, "POST")).status).toBe(501);
  });

  it("is 404 when not enabled, with or without the header, and can be turned back on", async () => {
    emulator.enableMetadataService(false);
    expect((await metadataToken()).status).toBe(404);
    expect((await metadataToken({})).status).toBe(404);
    emulator.enableMetadataService();
    expect((await metadataToken()).status).toBe(200);
  });

  it("is off by default", async () => {
    const other = await startEmulator();
    try {
      const call = await callPath(other, METADATA_TOKEN_PATH, { token: null, headers: GOOGLE });
      expect(call.status).toBe(404);
      other.enableMetadataService();
      expect((await callPath(other, METADATA_TOKEN_PATH, { token: null, headers: GOOGLE })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it("gets faults and is logged without the token", async () => {
    emulator.injectFault({ status: 503, match: { path: METADATA_TOKEN_PATH } });
    expect((await metadataToken()).status).toBe(503);
    const ok = await metadataToken();
    const token = (JSON.parse(ok.text) as { access_token: string }).access_token;
    expect(emulator.requests).toEqual([
      expect.objectContaining({ method: "GET", path: METADATA_TOKEN_PATH, status: 503, fault: "status 503" }),
      expect.objectContaining({
        method: "GET",
        path: METADATA_TOKEN_PATH,
        status: 200,
        authorization: "none",
        serverRequestId: ok.headers.get("x-request-id"),
      }),
    ]);
    expect(emulator.requests[1]).not.toHaveProperty("exchange");
    expect(JSON.stringify(emulator.requests)).not.toContain(token);
  });
});
