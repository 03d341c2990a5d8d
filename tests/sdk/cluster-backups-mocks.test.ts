import * as pulumi from "@pulumi/pulumi";
import { ClusterBackups } from "../../sdk";

const TOKEN =
  "t1.9euelZqMockedStackToken.Secret0000000000000000000000000000000000000000000000000000000000000000000000";
const registered: { type: string; name: string; inputs: Record<string, unknown> }[] = [];

beforeAll(async () => {
  process.env.YC_TOKEN = TOKEN;
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown> });
        return { id: "", state: {} };
      },
      call: (args) => args.inputs,
    },
    "project",
    "stack",
    true,
  );
  pulumi.runtime.setAllConfig({ "yandex:token": TOKEN }, ["yandex:token"]);
});
afterAll(() => {
  delete process.env.YC_TOKEN;
});

it("registers a dynamic resource whose serialized provider and inputs carry no credential", async () => {
  const source = new ClusterBackups("prod-orders", {
    clusterId: "c9qmocked",
    databases: ["orders"],
    keepers: { generation: pulumi.output("1") },
  });
  await new Promise<void>((resolve) => source.urn.apply(() => resolve()));
  const entry = registered.find((r) => r.name === "prod-orders")!;
  expect(entry.type).toBe("pulumi-nodejs:dynamic/yandex-backups:ClusterBackups");
  const provider = entry.inputs.__provider as string;
  expect(typeof provider).toBe("string");
  expect(provider).toContain("pulumi-yandex-backups/dynamic-provider");
  expect(provider.length).toBeLessThan(10000);
  expect(JSON.stringify(entry.inputs)).not.toContain(TOKEN);
  expect(JSON.stringify(entry.inputs)).not.toContain("Secret0000");
  expect(entry.inputs).toMatchObject({
    clusterId: "c9qmocked",
    databases: ["orders"],
    keepers: { generation: "1" },
  });
});
