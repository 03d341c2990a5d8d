import { existsSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { clusterBackupsProvider } from "../../sdk/clusterBackups";
import { startEmulator, type Emulator } from "../../src/emulator";
import { installPackedPackage } from "../support/packed-install";
import {
  PROVIDER_KEY,
  ProviderHostCallError,
  dynamicUrn,
  serializeDynamicProvider,
  startDynamicProviderHost,
  type DynamicProviderHost,
} from "../support/provider-host";
import { rejectionOf } from "../support/capture";
import { orderedBackups } from "../support/fixtures";

const CLUSTER = "c9qpacked";
const URN = dynamicUrn("packed");
let emulator: Emulator;
let program: string;
let host: DynamicProviderHost;
let provider: string;

beforeAll(async () => {
  emulator = await startEmulator({ clusters: { [CLUSTER]: orderedBackups(CLUSTER, 3) } });
  program = await installPackedPackage();
  provider = await serializeDynamicProvider(clusterBackupsProvider);
  host = await startDynamicProviderHost({
    cwd: program,
    env: { YC_TOKEN: emulator.token, YC_METADATA_ADDR: "127.0.0.1:9" },
  });
  await host.configure({});
}, 180000);
afterAll(async () => {
  await host?.close();
  await emulator.close();
});

describe("ClusterBackups from a packed tarball installed in a separate program", () => {
  it("is installed outside this repository, with its own @pulumi/pulumi", () => {
    const installed = realpathSync(join(program, "node_modules", "pulumi-yandex-backups"));
    expect(installed.startsWith(realpathSync(join(__dirname, "..", "..")))).toBe(false);
    expect(existsSync(join(installed, "dist", "src", "provider", "index.js"))).toBe(true);
    expect(existsSync(join(installed, "src"))).toBe(false);
    expect(existsSync(join(program, "node_modules", "@pulumi", "pulumi", "cmd", "dynamic-provider"))).toBe(
      true,
    );
  });

  it("picks, holds the pick, and reports errors by class", async () => {
    const news = { [PROVIDER_KEY]: provider, clusterId: CLUSTER, endpoint: emulator.url };
    const first = (await host.check(URN, {}, news)).inputs;
    expect(first.ids).toEqual(["bk-00002", "bk-00001", "bk-00000"]);
    const created = await host.create(URN, first);
    emulator.addBackup(CLUSTER, { id: "newer", createdAt: "2030-01-01T00:00:00Z" });
    const held = (await host.check(URN, first, news)).inputs;
    expect(held.ids).toEqual(first.ids);
    expect((await host.diff(created.id, URN, created.properties, held)).changes).toBe("none");
    const refreshed = await host.read(created.id, URN, created.properties, first);
    expect(refreshed.properties.ids).toEqual(first.ids);

    const error = await rejectionOf(host.check(URN, {}, { ...news, clusterId: "c9qnothere" }));
    expect(error).toBeInstanceOf(ProviderHostCallError);
    expect((error as ProviderHostCallError).details).toMatch(
      /^YandexApiError: listBackups of cluster c9qnothere failed with HTTP 404/,
    );
    expect(host.wire.join("\n")).not.toContain(emulator.token);
  });
});
