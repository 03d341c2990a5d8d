import type * as pulumi from "@pulumi/pulumi";
import {
  PROVIDER_KEY,
  ProviderHostCallError,
  UNKNOWN_VALUE,
  dynamicUrn,
  serializeDynamicProvider,
  startDynamicProviderHost,
  withoutProvider,
  type DynamicProviderHost,
} from "../support/provider-host";

interface EchoInputs {
  name?: string;
  size?: number | string;
  explode?: string;
}

interface EchoOutputs extends EchoInputs {
  made?: boolean;
  region?: string;
  hasToken?: boolean;
}

interface EchoProvider extends pulumi.dynamic.ResourceProvider<EchoInputs, EchoOutputs> {
  region?: string;
  token?: string;
}

/** A provider with no captures: it reads its configuration in `configure` and echoes its inputs. */
const echoProvider: EchoProvider = {
  async configure(req) {
    this.region = req.config.get("yandex:region");
    this.token = req.config.get("yandex:token");
  },
  async check(_olds, news) {
    if (news.explode !== undefined) throw new Error(`check exploded: ${news.explode}`);
    const failures = news.name ? [] : [{ property: "name", reason: "name is required" }];
    return { inputs: news, failures };
  },
  async diff(_id, olds, news) {
    const replaces = olds.name === news.name ? [] : ["name"];
    return {
      changes: replaces.length > 0 || olds.size !== news.size,
      replaces,
      deleteBeforeReplace: replaces.length > 0,
    };
  },
  async create(inputs) {
    return { id: "x", outs: { ...inputs, made: true, region: this.region, hasToken: Boolean(this.token) } };
  },
  async read(id, props) {
    return { id, props: { ...props, made: true }, inputs: { name: props?.name } };
  },
  async update(_id, olds, news) {
    return { outs: { ...olds, ...news, made: true } };
  },
  async delete(id) {
    console.log(`deleted ${id}`);
  },
};

const TOKEN = "t0ken-that-must-stay-in-configure";
const urn = dynamicUrn("thing");

describe("the dynamic-provider host, driven over gRPC", () => {
  let host: DynamicProviderHost;
  let provider: string;

  beforeAll(async () => {
    provider = await serializeDynamicProvider(echoProvider);
    host = await startDynamicProviderHost();
  });

  afterAll(async () => {
    await host.close();
  });

  it("answers Configure without accepting secrets", async () => {
    const result = await host.configure(
      { "yandex:region": "ru-central1", "yandex:token": TOKEN },
      { secretKeys: ["yandex:token"] },
    );
    expect(result).toMatchObject({ acceptSecrets: false, supportsPreview: false });
  });

  it("runs check, and reports its failures", async () => {
    const checked = await host.check(urn, {}, { name: "a", size: 1, [PROVIDER_KEY]: provider });
    expect(checked).toEqual({ inputs: { name: "a", size: 1, [PROVIDER_KEY]: provider }, failures: [] });

    const failing = await host.check(urn, {}, { size: 1, [PROVIDER_KEY]: provider });
    expect(failing.failures).toEqual([{ property: "name", reason: "name is required" }]);
  });

  it("passes unknown inputs to check as the sentinel string", async () => {
    const checked = await host.check(urn, {}, { name: "a", size: UNKNOWN_VALUE, [PROVIDER_KEY]: provider });
    expect(checked.inputs["size"]).toBe(UNKNOWN_VALUE);
  });

  it("surfaces a throwing check as a ProviderHostCallError", async () => {
    const error = await host.check(urn, {}, { name: "a", explode: "kaboom", [PROVIDER_KEY]: provider }).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(ProviderHostCallError);
    expect(error).toMatchObject({ method: "Check", code: 2 });
    expect((error as ProviderHostCallError).details).toContain("check exploded: kaboom");
  });

  it("runs diff: a name change replaces, a size change updates in place", async () => {
    const olds = { name: "a", size: 1, made: true, [PROVIDER_KEY]: provider };
    const renamed = await host.diff("x", urn, olds, { name: "b", size: 1, [PROVIDER_KEY]: provider });
    expect(renamed).toMatchObject({ changes: "some", replaces: ["name"], deleteBeforeReplace: true });

    const resized = await host.diff("x", urn, olds, { name: "a", size: 2, [PROVIDER_KEY]: provider });
    expect(resized).toMatchObject({ changes: "some", replaces: [], deleteBeforeReplace: false });

    const same = await host.diff("x", urn, olds, { name: "a", size: 1, [PROVIDER_KEY]: provider });
    expect(same.changes).toBe("none");
  });

  it("runs create, read, update and delete", async () => {
    const created = await host.create(urn, { name: "a", size: 1, [PROVIDER_KEY]: provider });
    expect(created.id).toBe("x");
    expect(created.properties[PROVIDER_KEY]).toBe(provider);
    expect(withoutProvider(created.properties)).toEqual({
      name: "a",
      size: 1,
      made: true,
      region: "ru-central1",
      hasToken: true,
    });

    const read = await host.read("x", urn, created.properties, {
      name: "a",
      size: 1,
      [PROVIDER_KEY]: provider,
    });
    expect(read.id).toBe("x");
    expect(withoutProvider(read.properties)).toMatchObject({ name: "a", made: true });
    expect(read.inputs).toEqual({ name: "a", [PROVIDER_KEY]: provider });

    const updated = await host.update("x", urn, created.properties, {
      name: "a",
      size: 2,
      [PROVIDER_KEY]: provider,
    });
    expect(withoutProvider(updated.properties)).toMatchObject({ name: "a", size: 2, made: true });

    await host.delete("x", urn, updated.properties);
    expect(host.output).toContain("deleted x");
  });

  it("records the wire, where the secret token crosses only in Configure", () => {
    expect(host.wire.some((line) => line.startsWith("Create request "))).toBe(true);
    expect(host.wire.some((line) => line.startsWith("Check error "))).toBe(true);
    const carryingToken = host.wire.filter((line) => line.includes(TOKEN));
    expect(carryingToken.map((line) => line.split(" ", 2).join(" "))).toEqual(["Configure request"]);
    expect(host.output).not.toContain(TOKEN);
  });
});

describe("closing the host", () => {
  it("stops the process promptly and can be called twice", async () => {
    const host = await startDynamicProviderHost();
    const started = Date.now();
    await host.close();
    await host.close();
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

/** Loads @pulumi/pulumi inside the method, in the host, so nothing of this process is captured. */
const loggingProvider: pulumi.dynamic.ResourceProvider<{ name: string }> = {
  async create(inputs) {
    const { log } = await import("@pulumi/pulumi");
    await log.info(`creating ${inputs.name}`);
    return { id: inputs.name, outs: inputs };
  },
};

describe("pulumi.log inside a provider", () => {
  it.each([
    { routeLogsToEngine: false, toEngine: [], toOutput: true },
    { routeLogsToEngine: true, toEngine: ["creating logged"], toOutput: false },
  ])("with routeLogsToEngine=$routeLogsToEngine", async ({ routeLogsToEngine, toEngine, toOutput }) => {
    const provider = await serializeDynamicProvider(loggingProvider);
    const host = await startDynamicProviderHost({ routeLogsToEngine });
    try {
      await host.configure({});
      await host.create(dynamicUrn("logged"), { name: "logged", [PROVIDER_KEY]: provider });
      expect(host.logs.map((entry) => entry.message)).toEqual(toEngine);
      expect(host.output.includes("info: [runtime] creating logged")).toBe(toOutput);
    } finally {
      await host.close();
    }
  });
});
