import * as pulumi from "@pulumi/pulumi";
import { getClusterBackups, getClusterBackupsOutput } from "../../sdk";
import { startEmulator, type Emulator } from "../../src/emulator";
import { orderedBackups } from "../support/fixtures";
import { settle } from "../support/settle-output";

const CLUSTER = "c9qstackconfig";
const OAUTH = "y0_StackConfigOAuthToken000000000000";
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    clusters: { [CLUSTER]: orderedBackups(CLUSTER, 4) },
    oauthTokens: [OAUTH],
  });
  await pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs },
    "project",
    "stack",
    true,
  );
});
afterAll(() => emulator.close());

function useConfig(values: Record<string, string>, secretKeys: string[] = []) {
  pulumi.runtime.setAllConfig(values, secretKeys);
}

describe("credentials and endpoint from the stack's yandex:* config, as the pulumi-yandex provider read them", () => {
  it("a secret yandex:token makes the output form's result secret", async () => {
    useConfig({ "yandex:token": OAUTH, "yandex:endpoint": emulator.url }, ["yandex:token"]);
    const settled = await settle(getClusterBackupsOutput({ clusterId: CLUSTER }));
    expect(settled.known).toBe(true);
    expect(settled.secret).toBe(true);
    expect(settled.value!.ids).toHaveLength(4);
  });

  it("a plain yandex:token leaves it plain, and the direct form reads config too", async () => {
    useConfig({ "yandex:token": OAUTH, "yandex:endpoint": emulator.url });
    const settled = await settle(getClusterBackupsOutput({ clusterId: CLUSTER }));
    expect(settled.secret).toBe(false);
    expect((await getClusterBackups({ clusterId: CLUSTER })).ids).toEqual(settled.value!.ids);
  });
});
