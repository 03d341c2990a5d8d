import { clusterBackupsProvider } from "../../sdk/clusterBackups";
import { startEmulator, type Emulator } from "../../src/emulator";
import {
  PROVIDER_KEY,
  ProviderHostCallError,
  UNKNOWN_VALUE,
  dynamicUrn,
  serializeDynamicProvider,
  startDynamicProviderHost,
  type DynamicProviderHost,
} from "../support/provider-host";
import { rejectionOf } from "../support/capture";
import { orderedBackups } from "../support/fixtures";
import { hostCwd } from "./host-cwd";
import { closedLoopbackAddress } from "../support/closed-address";

const CLUSTER = "c9qheldpick";
const URN = dynamicUrn("prod-orders");
const NEWER = { id: "newer", createdAt: "2030-01-01T00:00:00Z", databases: ["orders"] };
let emulator: Emulator;
let host: DynamicProviderHost;
let provider: string;
let closedAddress: string;

beforeAll(async () => {
  emulator = await startEmulator({ clusters: { [CLUSTER]: orderedBackups(CLUSTER, 6) } });
  closedAddress = await closedLoopbackAddress();
  provider = await serializeDynamicProvider(clusterBackupsProvider);
  // Credentials from the host's environment, as a user's YC_TOKEN would be.
  host = await startDynamicProviderHost({
    cwd: hostCwd(),
    env: { YC_TOKEN: emulator.token, YC_METADATA_ADDR: closedAddress, YC_ENDPOINT: undefined },
  });
  await host.configure({});
}, 60000);
afterAll(async () => {
  await host?.close();
  await emulator.close();
});
beforeEach(() => {
  emulator.setBackups(CLUSTER, orderedBackups(CLUSTER, 6));
  emulator.clearRequests();
  emulator.clearFaults();
});

const inputs = (extra: Record<string, unknown> = {}) => ({
  [PROVIDER_KEY]: provider,
  clusterId: CLUSTER,
  databases: ["orders"],
  endpoint: emulator.url,
  keepers: { generation: "1" },
  ...extra,
});

describe("ClusterBackups through the real dynamic-provider host", () => {
  it("check with no olds (the first preview) returns the pick as inputs", async () => {
    const { inputs: checked, failures } = await host.check(URN, {}, inputs());
    expect(failures).toEqual([]);
    expect(checked.ids).toEqual(["bk-00005", "bk-00004", "bk-00003", "bk-00002", "bk-00001", "bk-00000"]);
    expect((checked.latest as { id: string }).id).toBe("bk-00005");
    expect(checked.scanned).toBe(6);
    expect(typeof checked.selectedAt).toBe("string");
    expect(emulator.listRequests(CLUSTER)).toHaveLength(1);
  });

  it("holds the pick while the inputs are unchanged, even after a newer backup appears; keepers pick afresh", async () => {
    const first = (await host.check(URN, {}, inputs())).inputs;
    const created = await host.create(URN, first);
    emulator.addBackup(CLUSTER, NEWER);
    emulator.clearRequests();

    const again = (await host.check(URN, first, inputs())).inputs;
    expect((again.latest as { id: string }).id).toBe("bk-00005");
    expect(again.selectedAt).toBe(first.selectedAt);
    expect(emulator.listRequests(CLUSTER)).toHaveLength(0);
    expect((await host.diff(created.id, URN, created.properties, again)).changes).toBe("none");

    // Database order is not a change of filter.
    const reordered = (await host.check(URN, first, inputs({ databases: ["orders", "orders"] }))).inputs;
    expect(reordered.selectedAt).toBe(first.selectedAt);

    const bumped = (await host.check(URN, first, inputs({ keepers: { generation: "2" } }))).inputs;
    expect((bumped.latest as { id: string }).id).toBe("newer");
    const diff = await host.diff(created.id, URN, created.properties, bumped);
    expect(diff.changes).toBe("some");
    expect(diff.replaces).toEqual([]);
    const updated = await host.update(created.id, URN, created.properties, bumped);
    expect((updated.properties.latest as { id: string }).id).toBe("newer");
  });

  it("create and update return the pick, and read (refresh) keeps it", async () => {
    const checked = (await host.check(URN, {}, inputs())).inputs;
    const created = await host.create(URN, checked);
    expect(created.properties.ids).toEqual(checked.ids);
    emulator.addBackup(CLUSTER, NEWER);
    const refreshed = await host.read(created.id, URN, created.properties, checked);
    expect(refreshed.properties.ids).toEqual(checked.ids);
    expect(refreshed.properties.selectedAt).toBe(checked.selectedAt);
    const updated = await host.update(created.id, URN, created.properties, checked);
    expect(updated.properties.ids).toEqual(checked.ids);
  });

  it("makes no request while clusterId is unknown, and leaves the pick unknown", async () => {
    const { inputs: checked } = await host.check(URN, {}, inputs({ clusterId: UNKNOWN_VALUE }));
    expect(checked.ids).toBeUndefined();
    expect(checked.latest).toBeUndefined();
    expect(emulator.requests).toHaveLength(0);
  });

  it("reports an API error with its class name, message and request id", async () => {
    const error = await rejectionOf(host.check(URN, {}, inputs({ clusterId: "c9qmissing" })));
    expect(error).toBeInstanceOf(ProviderHostCallError);
    const last = emulator.requests.at(-1)!;
    expect((error as ProviderHostCallError).details).toBe(
      `YandexApiError: listBackups of cluster c9qmissing failed with HTTP 404 NOT_FOUND (5): Cluster "c9qmissing" not found ` +
        `(page 1, 1 attempt, request id ${last.serverRequestId})`,
    );
    expect(host.output).not.toMatch(/at .*\.js:\d+/);
  });

  it("reports a bad argument as a check failure on that property", async () => {
    const { failures } = await host.check(URN, {}, inputs({ clusterId: "not valid!" }));
    expect(failures).toEqual([
      { property: "clusterId", reason: expect.stringMatching(/^invalid argument clusterId: /) },
    ]);
    expect(emulator.requests).toHaveLength(0);
  });

  it("never lets the token cross the gRPC channel or reach the state", async () => {
    const checked = (await host.check(URN, {}, inputs())).inputs;
    await host.create(URN, checked);
    expect(emulator.listRequests(CLUSTER).every((r) => r.authorization === "accepted")).toBe(true);
    expect(host.wire.join("\n")).not.toContain(emulator.token);
    expect(host.output).not.toContain(emulator.token);
    expect(provider).not.toContain(emulator.token);
  });
});

describe("credentials from the stack config that Configure delivers", () => {
  it("uses yandex:token and yandex:endpoint, and the token goes nowhere but Configure", async () => {
    const configured = await startDynamicProviderHost({
      cwd: hostCwd(),
      env: { YC_TOKEN: undefined, YC_IAM_TOKEN: undefined, YC_METADATA_ADDR: closedAddress },
    });
    try {
      await configured.configure({ "yandex:token": emulator.token, "yandex:endpoint": emulator.url });
      const checked = (await configured.check(URN, {}, inputs({ endpoint: undefined }))).inputs;
      expect(checked.scanned).toBe(6);
      const carrying = configured.wire.filter((line) => line.includes(emulator.token));
      expect(carrying.every((line) => line.startsWith("Configure request"))).toBe(true);
      expect(carrying.length).toBeGreaterThan(0);
      expect(JSON.stringify(checked)).not.toContain(emulator.token);
    } finally {
      await configured.close();
    }
  });
});
