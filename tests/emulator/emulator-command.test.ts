import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  EMULATOR_USAGE,
  EmulatorUsageError,
  parseEmulatorArgs,
  runEmulatorCommand,
} from "../../src/cli/emulator-main";
import { EMULATOR_TOKEN, METADATA_TOKEN_PATH, type AuthorizedKey } from "../../src/emulator";
import { exchangeForIamToken, signServiceAccountJwt } from "./iam-client";
import { callListBackups, callPath, fetchPage, pageThrough } from "./list-backups-client";
import { callRestore, restoreCluster, waitForOperation } from "./restore-client";

describe("parseEmulatorArgs", () => {
  it("defaults to 127.0.0.1, any port and the built-in token", () => {
    expect(parseEmulatorArgs([])).toEqual({
      help: false,
      options: { host: "127.0.0.1", tokens: [EMULATOR_TOKEN], clusters: {} },
    });
  });

  it("reads every flag", () => {
    const command = parseEmulatorArgs([
      "--port=8123",
      "--host",
      "::1",
      "--demo",
      "--generate",
      "c9qa:3",
      "--generate=c9qb:0",
      "--latency-ms",
      "20",
      "--page-size-default",
      "50",
      "--token",
      "one",
      "--token",
      "two",
      "--oauth-token",
      "y0_one",
      "--oauth-token=y0_two",
      "--metadata",
      "--iam-token-lifetime-ms",
      "1500",
      "--service-account-key-out",
      "/tmp/key.json",
      "--operation-duration-ms",
      "1200",
    ]);
    if (command.help) throw new Error("unexpected help");
    const { clusters, ...rest } = command.options;
    expect(rest).toEqual({
      host: "::1",
      port: 8123,
      latencyMs: 20,
      defaultPageSize: 50,
      tokens: ["one", "two"],
      oauthTokens: ["y0_one", "y0_two"],
      metadata: true,
      iamTokenLifetimeMs: 1500,
      operationDurationMs: 1200,
    });
    expect(command.serviceAccountKeyOut).toBe("/tmp/key.json");
    expect(Object.keys(clusters ?? {})).toEqual(["c9qdemo0sqlserver01", "c9qa", "c9qb"]);
    expect(clusters?.c9qa).toHaveLength(3);
    expect(clusters?.c9qb).toEqual([]);
  });

  it("splits --generate at the last colon", () => {
    const command = parseEmulatorArgs(["--generate", "odd:cluster:2"]);
    expect(command.help ? {} : command.options.clusters).toEqual({ "odd:cluster": expect.any(Array) });
  });

  it("also accepts YC_TOKEN when set", () => {
    const command = parseEmulatorArgs([], { YC_TOKEN: "t1.from.env" });
    expect(command.help ? [] : command.options.tokens).toEqual([EMULATOR_TOKEN, "t1.from.env"]);
    const withFlag = parseEmulatorArgs(["--token", "t"], { YC_TOKEN: "" });
    expect(withFlag.help ? [] : withFlag.options.tokens).toEqual(["t"]);
  });

  it("documents every flag in the usage text", () => {
    for (const flag of [
      "--oauth-token",
      "--metadata",
      "--iam-token-lifetime-ms",
      "--service-account-key-out",
      "--operation-duration-ms",
      "clusters:restore",
      "/operations/",
    ]) {
      expect(EMULATOR_USAGE).toContain(flag);
    }
  });

  it("recognises --help and -h", () => {
    expect(parseEmulatorArgs(["--help"])).toEqual({ help: true });
    expect(parseEmulatorArgs(["-h", "--port", "1"])).toEqual({ help: true });
  });

  it.each([
    ["--bogus"],
    ["positional"],
    ["--port"],
    ["--port", "http"],
    ["--port", "70000"],
    ["--port", "-1"],
    ["--host", "0.0.0.0"],
    ["--host", "example.com"],
    ["--host", "192.168.1.10"],
    ["--generate", "nocount"],
    ["--generate", ":5"],
    ["--generate", "c9q:many"],
    ["--latency-ms", "1.5"],
    ["--page-size-default", "0"],
    ["--page-size-default", "1001"],
    ["--token", ""],
    ["--demo=yes"],
    ["--oauth-token", ""],
    ["--oauth-token"],
    ["--iam-token-lifetime-ms", "0"],
    ["--iam-token-lifetime-ms", "soon"],
    ["--iam-token-lifetime-ms", "999999999999"],
    ["--service-account-key-out", ""],
    ["--metadata=no"],
    ["--operation-duration-ms"],
    ["--operation-duration-ms", "-5"],
    ["--operation-duration-ms", "1.5"],
    ["--operation-duration-ms", "999999999999"],
  ])("refuses %j", (...argv) => {
    expect(() => parseEmulatorArgs(argv)).toThrow(EmulatorUsageError);
  });
});

describe("runEmulatorCommand", () => {
  it("starts an emulator seeded as the flags say", async () => {
    const emulator = await runEmulatorCommand(
      ["--demo", "--generate", "c9qcli:25", "--page-size-default", "10", "--token", "cli-token"],
      {},
    );
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.token).toBe("cli-token");
      expect((await pageThrough(emulator, "c9qcli")).map((page) => page.length)).toEqual([10, 10, 5]);
      expect((await fetchPage(emulator, "c9qdemo0sqlserver01", { pageSize: "100" })).backups).toHaveLength(
        15,
      );
    } finally {
      await emulator.close();
    }
  });

  it("serves IAM exchanges and the metadata service as the flags say", async () => {
    const emulator = await runEmulatorCommand(
      ["--generate", "c9qcli:1", "--oauth-token", "y0_cli", "--metadata", "--iam-token-lifetime-ms", "60000"],
      {},
    );
    try {
      const { iamToken, expiresAt } = await exchangeForIamToken(emulator, {
        yandexPassportOauthToken: "y0_cli",
      });
      expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(60_000);
      expect((await callListBackups(emulator, "c9qcli", {}, { token: iamToken })).status).toBe(200);
      const metadata = await callPath(emulator, METADATA_TOKEN_PATH, {
        token: null,
        headers: { "Metadata-Flavor": "Google" },
      });
      expect(metadata.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  it("writes a usable service account key, readable by its owner only", async () => {
    const directory = mkdtempSync(join(tmpdir(), "emulator-key-"));
    const file = join(directory, "key.json");
    const emulator = await runEmulatorCommand(
      ["--generate", "c9qcli:1", "--service-account-key-out", file],
      {},
    );
    try {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const text = readFileSync(file, "utf8");
      expect(text).toContain("Yandex.Cloud SA Key ID \\u003c");
      const key = JSON.parse(text) as AuthorizedKey;
      expect(
        key.private_key.startsWith(`PLEASE DO NOT REMOVE THIS LINE! Yandex.Cloud SA Key ID <${key.id}>`),
      ).toBe(true);
      const { iamToken } = await exchangeForIamToken(emulator, { jwt: signServiceAccountJwt(key) });
      expect((await callListBackups(emulator, "c9qcli", {}, { token: iamToken })).status).toBe(200);
    } finally {
      await emulator.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("restores demo backups, with operations as long as --operation-duration-ms says", async () => {
    const emulator = await runEmulatorCommand(["--demo", "--operation-duration-ms", "0"], {});
    try {
      // Completed at 2026-11-10T06:08:19+03:00, that is 03:08:19Z.
      const backupId = "c9qdemo0sqlserver01:stream_20261110T030003Z";
      const early = await callRestore(emulator, { backupId, time: "2026-11-10T03:08:00Z", name: "early" });
      expect([early.status, (JSON.parse(early.text) as { code: number }).code]).toEqual([400, 9]);
      const started = await restoreCluster(emulator, {
        backupId,
        time: "2026-11-10T03:09:00Z",
        name: "demo",
      });
      const { operation, polls } = await waitForOperation(emulator, started.id);
      expect(polls).toBe(1);
      expect(operation.response).toMatchObject({ name: "demo", folderId: "b1gdemofolder0000001" });
      expect(emulator.restoredClusters()).toEqual([
        expect.objectContaining({ name: "demo", backupId, status: "RUNNING" }),
      ]);
    } finally {
      await emulator.close();
    }
  });

  it("refuses --help and bad flags", async () => {
    await expect(runEmulatorCommand(["--help"], {})).rejects.toThrow(EmulatorUsageError);
    await expect(runEmulatorCommand(["--port", "x"], {})).rejects.toThrow(EmulatorUsageError);
  });
});
