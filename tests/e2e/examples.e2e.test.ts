import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startEmulator, type Emulator } from "../../src/emulator";
import { lookupClusterBackups } from "../../src/lookup/lookup-cluster-backups";
import { orderedBackups } from "../support/fixtures";
import { preparePackedProgram } from "./support/packed-program";
import { pulumiCliBinDir } from "./support/pulumi-cli";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");
const SOURCE = "c9qe2esource";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const NEWER = {
  id: "bk-newer",
  folderId: "b1gfolder",
  createdAt: "2026-11-02T00:00:00.5+03:00",
  databases: ["orders"],
};

interface DriverResult {
  ok: boolean;
  error?: string;
  output: string;
  summary?: Record<string, number>;
  outputs?: Record<string, unknown>;
  stackOutputs?: Record<string, unknown>;
  steps?: { op: string; type: string; urn: string }[];
  deployment?: unknown;
}

let emulator: Emulator;
let program: string;
let env: NodeJS.ProcessEnv;
let home: string;
let state: string;
const everythingPrinted: string[] = [];

async function pulumi(
  request: Record<string, unknown>,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<DriverResult> {
  const { stdout } = await run(
    process.execPath,
    [join(program, "stack-driver.js"), JSON.stringify(request)],
    {
      cwd: program,
      env: { ...env, ...extraEnv },
      maxBuffer: 64 << 20,
      timeout: 5 * 60_000,
    },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  const result = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as DriverResult;
  everythingPrinted.push(stdout);
  return result;
}

const listBackups = (
  command: string,
  extra: Record<string, unknown> = {},
  extraEnv: NodeJS.ProcessEnv = {},
) =>
  pulumi(
    {
      command,
      project: "list-backups",
      stack: "dev",
      program: "list-backups.js",
      config: { sourceClusterId: SOURCE, endpoint: emulator.url },
      ...extra,
    },
    extraEnv,
  );

const restore = (command: string, extra: Record<string, unknown> = {}) =>
  pulumi({
    command,
    project: "restore-from-latest",
    stack: "dev",
    program: "restore-from-latest.js",
    config: { sourceClusterId: SOURCE, endpoint: emulator.url },
    ...extra,
  });

beforeAll(async () => {
  const cli = await pulumiCliBinDir();
  console.log(`Pulumi CLI: ${cli.binDir} (${cli.seconds.toFixed(1)} s; ${cli.log.split("\n").pop()})`);
  emulator = await startEmulator({
    clusters: { [SOURCE]: orderedBackups(SOURCE, 5) },
    operationDurationMs: 200,
  });
  program = await preparePackedProgram({
    "list-backups": [join(ROOT, "examples", "list-backups", "index.ts")],
    "restore-from-latest": [
      join(ROOT, "examples", "restore-from-latest", "index.ts"),
      join(ROOT, "examples", "restore-from-latest", "restored-cluster.ts"),
    ],
    "source-from-resource": [join(__dirname, "programs", "source-from-resource.ts")],
  });
  const work = mkdtempSync(join(tmpdir(), "yandex-backups-e2e-"));
  home = join(work, "home");
  state = join(work, "state");
  await run("mkdir", ["-p", home, state]);
  env = {
    PATH: `${cli.binDir}:${process.env.PATH}`,
    HOME: process.env.HOME,
    PULUMI_HOME: home,
    PULUMI_BACKEND_URL: `file://${state}`,
    PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    YC_TOKEN: emulator.token,
    // Never the real VM metadata service: nothing listens here.
    YC_METADATA_ADDR: "127.0.0.1:9",
  };
}, 45 * 60_000);
afterAll(async () => {
  await emulator?.close();
});

describe("the examples under the real Pulumi CLI, offline, installed from the packed tarball", () => {
  it("1. list-backups: preview shows the latest backup id, and up exports the same", async () => {
    const preview = await listBackups("preview");
    expect(preview.error).toBeUndefined();
    expect(preview.stackOutputs?.latestBackupId).toBe("bk-00004");
    expect(preview.output).toContain("bk-00004");
    const up = await listBackups("up");
    expect(up.outputs?.latestBackupId).toBe("bk-00004");
    expect(up.outputs?.scanned).toBe(5);
  });

  it("2. restore-from-latest: preview already shows the backup; up restores from it", async () => {
    const preview = await restore("preview");
    expect(preview.error).toBeUndefined();
    expect(preview.stackOutputs?.restoreFromBackupId).toBe("bk-00004");
    expect(preview.stackOutputs?.restoredClusterId).toBe(UNKNOWN);
    expect(emulator.restoredClusters()).toHaveLength(0);

    const up = await restore("up");
    expect(up.error).toBeUndefined();
    expect(up.outputs?.restoreFromBackupId).toBe("bk-00004");
    const [restored] = emulator.restoredClusters();
    expect(restored).toMatchObject({
      backupId: "bk-00004",
      time: up.outputs?.restoreToTime,
      status: "RUNNING",
    });
    expect(up.outputs?.restoredClusterId).toBe(restored.id);
  });

  it("3. a newer backup changes nothing: preview --expect-no-changes passes and up replaces nothing", async () => {
    emulator.addBackup(SOURCE, NEWER);
    const preview = await restore("preview", { expectNoChanges: true });
    expect(preview.error).toBeUndefined();
    expect(preview.stackOutputs?.restoreFromBackupId).toBe("bk-00004");
    const up = await restore("up");
    expect(up.summary).toEqual({ same: 3 });
    expect(emulator.restoredClusters().map((c) => c.backupId)).toEqual(["bk-00004"]);
  });

  it("4. a new restoreGeneration: preview shows the replacement from the newer backup, up does it", async () => {
    const config = { sourceClusterId: SOURCE, endpoint: emulator.url, restoreGeneration: "2" };
    const preview = await restore("preview", { config });
    expect(preview.stackOutputs?.restoreFromBackupId).toBe("bk-newer");
    const ops = preview.steps?.filter((s) => s.type.endsWith("RestoredCluster")).map((s) => s.op);
    expect(ops).toContain("replace");
    const up = await restore("up", { config });
    expect(up.outputs?.restoreFromBackupId).toBe("bk-newer");
    expect(emulator.restoredClusters().map((c) => c.backupId)).toEqual(["bk-newer"]);
  });

  it("5. refresh keeps the held pick", async () => {
    emulator.addBackup(SOURCE, { ...NEWER, id: "bk-newest", createdAt: "2026-11-03T00:00:00Z" });
    const refreshed = await restore("refresh");
    expect(refreshed.error).toBeUndefined();
    expect(refreshed.outputs?.restoreFromBackupId).toBe("bk-newer");
    const preview = await restore("preview", {
      config: { sourceClusterId: SOURCE, endpoint: emulator.url, restoreGeneration: "2" },
      expectNoChanges: true,
    });
    expect(preview.error).toBeUndefined();
  });

  it("6. a source cluster created in the same run: unknown in preview, resolved by up", async () => {
    const request = {
      project: "source-from-resource",
      stack: "dev",
      program: "source-from-resource.js",
      config: { sourceClusterId: SOURCE, endpoint: emulator.url },
    };
    emulator.clearRequests();
    const preview = await pulumi({ command: "preview", ...request });
    expect(preview.error).toBeUndefined();
    expect(preview.stackOutputs?.latestBackupId).toBe(UNKNOWN);
    expect(emulator.listRequests(SOURCE)).toHaveLength(0);
    const up = await pulumi({ command: "up", ...request });
    const now = await lookupClusterBackups({
      clusterId: SOURCE,
      endpoint: emulator.url,
      token: emulator.token,
    });
    expect(up.outputs?.latestBackupId).toBe(now.latest?.id);
  });

  it("7. a 401 and a 404 fail preview with the class, message and request id, and no stack trace", async () => {
    const refused = await pulumi(
      {
        command: "preview",
        project: "restore-from-latest",
        stack: "bad-token",
        program: "restore-from-latest.js",
        config: { sourceClusterId: SOURCE, endpoint: emulator.url },
      },
      { YC_TOKEN: "t1.wrong.token" },
    );
    expect(refused.ok).toBe(false);
    const lastRefusal = emulator.requests.filter((r) => r.status === 401).at(-1)!;
    const refusedText = `${refused.output}\n${refused.error}`;
    expect(refusedText).toContain(
      `YandexApiError: listBackups of cluster ${SOURCE} failed with HTTP 401 UNAUTHENTICATED (16)`,
    );
    expect(refusedText).toContain(`request id ${lastRefusal.serverRequestId}`);
    expect(refusedText).not.toMatch(/\n\s+at .+\.js:\d+/);

    const missing = await listBackups("preview", {
      stack: "missing",
      config: { sourceClusterId: "c9qnosuch", endpoint: emulator.url },
    });
    expect(missing.ok).toBe(false);
    const lastMissing = emulator.requests.filter((r) => r.status === 404).at(-1)!;
    const missingText = `${missing.output}\n${missing.error}`;
    expect(missingText).toContain(
      "YandexApiError: listBackups of cluster c9qnosuch failed with HTTP 404 NOT_FOUND (5)",
    );
    expect(missingText).toContain(`request id ${lastMissing.serverRequestId}`);
    expect(missingText).not.toMatch(/\n\s+at .+\.js:\d+/);
  });

  it("9. transient faults during preview and up change nothing in the result", async () => {
    const clean = await listBackups("up", { stack: "faults-clean" });
    emulator.injectFault({ status: 503, match: { clusterId: SOURCE }, times: 2 });
    emulator.injectFault({ reset: "before-response", match: { clusterId: SOURCE }, nth: 3 });
    emulator.injectFault({ status: 429, retryAfter: "1", match: { clusterId: SOURCE }, nth: 5 });
    const preview = await listBackups("preview", { stack: "faults" });
    expect(preview.error).toBeUndefined();
    expect(preview.stackOutputs?.latestBackupId).toBe(clean.outputs?.latestBackupId);
    emulator.injectFault({ status: 503, match: { clusterId: SOURCE }, times: 2 });
    emulator.injectFault({ truncateJson: true, match: { clusterId: SOURCE }, nth: 3 });
    const up = await listBackups("up", { stack: "faults" });
    expect(up.outputs).toEqual(clean.outputs);
    emulator.clearFaults();
  });

  it("10. a secret yandex:token in stack config reaches the function form and the resource's provider", async () => {
    const noEnvToken = { YC_TOKEN: "", YC_IAM_TOKEN: "" };
    const secret = { secretConfig: ["yandex:token"] };
    const listed = await listBackups(
      "up",
      {
        stack: "config-token",
        config: { sourceClusterId: SOURCE, endpoint: emulator.url, "yandex:token": emulator.token },
        ...secret,
      },
      noEnvToken,
    );
    expect(listed.error).toBeUndefined();
    expect(typeof listed.outputs?.latestBackupId).toBe("string");
    const held = await pulumi(
      {
        command: "up",
        project: "source-from-resource",
        stack: "config-token",
        program: "source-from-resource.js",
        config: { sourceClusterId: SOURCE, endpoint: emulator.url, "yandex:token": emulator.token },
        ...secret,
      },
      noEnvToken,
    );
    expect(held.error).toBeUndefined();
    expect(held.outputs?.latestBackupId).toBe(listed.outputs?.latestBackupId);
  });

  it("8. the token appears nowhere: stack exports, CLI output, state files on disk", async () => {
    for (const [project, programFile] of [
      ["list-backups", "list-backups.js"],
      ["restore-from-latest", "restore-from-latest.js"],
    ]) {
      const exported = await pulumi({ command: "export", project, stack: "dev", program: programFile });
      expect(JSON.stringify(exported.deployment)).not.toContain(emulator.token);
      expect(JSON.stringify(exported.deployment)).toContain("bk-");
    }
    const files = [...walk(state), ...walk(home)];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(file, "latin1")).not.toContain(emulator.token);
    expect(everythingPrinted.join("\n")).not.toContain(emulator.token);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "plugins") return [];
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
