import * as pulumi from "@pulumi/pulumi";
import { demoClusterBackups, startEmulator, type Emulator } from "../../src/emulator";
import { settle } from "../support/settle-output";

let emulator: Emulator;
const demo = demoClusterBackups();

beforeAll(async () => {
  emulator = await startEmulator({ clusters: { [demo.clusterId]: demo.backups } });
  process.env.YC_TOKEN = emulator.token;
  await pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs },
    "list-backups",
    "dev",
    true,
  );
  pulumi.runtime.setAllConfig({
    "list-backups:sourceClusterId": demo.clusterId,
    "list-backups:endpoint": emulator.url,
    "list-backups:databases": JSON.stringify(["orders"]),
  });
});
afterAll(async () => {
  delete process.env.YC_TOKEN;
  await emulator.close();
});

it("examples/list-backups exports the latest backup holding the configured databases, in preview", async () => {
  const program = (await import("../../examples/list-backups")) as Record<string, pulumi.Output<unknown>>;
  const ids = (await settle(program.backupIds)).value as string[];
  const latest = (await settle(program.latestBackupId)).value;
  const withOrders = demo.backups.filter((b) => b.createdAt && b.databases?.includes("orders"));
  expect(ids).toHaveLength(withOrders.length);
  expect(latest).toBe(ids[0]);
  expect((await settle(program.scanned)).value).toBe(demo.backups.length);
  expect(emulator.listRequests(demo.clusterId).length).toBeGreaterThan(0);
});
