import * as pulumi from "@pulumi/pulumi";
import { getClusterBackups, getClusterBackupsOutput } from "../../sdk";
import { startEmulator, type Emulator } from "../../src/emulator";
import { rejectionOf } from "../support/capture";
import { expectedIds, orderedBackups } from "../support/fixtures";
import { settle } from "../support/settle-output";

const CLUSTER = "c9qoutputform";
let emulator: Emulator;

beforeAll(async () => {
  // preview = true: the program runs as in `pulumi preview`, where resources being created have unknown ids.
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => ({ id: (args.inputs.presetId as string | undefined) ?? "", state: args.inputs }),
      call: (args) => args.inputs,
    },
    "project",
    "stack",
    true,
  );
  emulator = await startEmulator({ clusters: { [CLUSTER]: orderedBackups(CLUSTER, 12) } });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.clearRequests());

class Cluster extends pulumi.CustomResource {
  constructor(name: string, presetId?: string) {
    super("test:index:Cluster", name, { presetId });
  }
}

describe("getClusterBackupsOutput in preview", () => {
  it("runs in preview", () => {
    expect(pulumi.runtime.isDryRun()).toBe(true);
  });

  it("resolves when its inputs are known, to what the direct form returns", async () => {
    const args = { clusterId: CLUSTER, endpoint: emulator.url, token: emulator.token, pageSize: 5 };
    const settled = await settle(
      getClusterBackupsOutput({
        ...args,
        clusterId: pulumi.output(CLUSTER),
        databases: [pulumi.output("orders")],
      }),
    );
    expect(settled.known).toBe(true);
    expect(settled.secret).toBe(false);
    expect(settled.value!.ids).toEqual(expectedIds(12));
    expect(JSON.stringify(settled.value)).toBe(
      JSON.stringify(await getClusterBackups({ ...args, databases: ["orders"] })),
    );
  });

  it("lifts properties: latest.id is an Output of the newest id", async () => {
    const found = getClusterBackupsOutput({
      clusterId: CLUSTER,
      endpoint: emulator.url,
      token: emulator.token,
    });
    expect((await settle(found.latest.apply((b) => b?.id))).value).toBe("bk-00011");
  });

  it("stays unknown, and sends nothing, while an input is unknown", async () => {
    const source = new Cluster("being-created");
    const settled = await settle(
      getClusterBackupsOutput({ clusterId: source.id, endpoint: emulator.url, token: emulator.token }),
    );
    expect(settled.known).toBe(false);
    expect(emulator.requests).toHaveLength(0);
  });

  it("stays unknown while a dependsOn resource is being created", async () => {
    const pending = new Cluster("dependency");
    const settled = await settle(
      getClusterBackupsOutput(
        { clusterId: CLUSTER, endpoint: emulator.url, token: emulator.token },
        { dependsOn: [pending] },
      ),
    );
    expect(settled.known).toBe(false);
    expect(emulator.requests).toHaveLength(0);
  });

  it("waits for, then runs after, a dependsOn resource that exists", async () => {
    const existing = new Cluster("existing", "c9qexisting");
    const settled = await settle(
      getClusterBackupsOutput(
        { clusterId: CLUSTER, endpoint: emulator.url, token: emulator.token },
        { dependsOn: existing },
      ),
    );
    expect(settled.known).toBe(true);
    expect(settled.value!.latest!.id).toBe("bk-00011");
  });

  it("keeps the result secret when the token is secret", async () => {
    const settled = await settle(
      getClusterBackupsOutput({
        clusterId: CLUSTER,
        endpoint: emulator.url,
        token: pulumi.secret(emulator.token),
      }),
    );
    expect(settled.known).toBe(true);
    expect(settled.secret).toBe(true);
    expect(settled.value!.ids).toHaveLength(12);
  });

  it("fails with the lookup's error class and message, as a RunError", async () => {
    const error = await rejectionOf(
      settle(
        getClusterBackupsOutput({
          clusterId: pulumi.output("not/valid"),
          endpoint: emulator.url,
          token: emulator.token,
        }),
      ),
    );
    // It can only end the program: it does so as a RunError, which Pulumi prints without a stack trace.
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^InvalidArgumentError: invalid argument clusterId: /);
    expect(emulator.requests).toHaveLength(0);
  });
});
