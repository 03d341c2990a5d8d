import { randomBytes } from "node:crypto";
import type { ClientUnaryCall, Metadata, CallOptions, ServiceError } from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { startFakeEngine, type EngineLogEntry, type FakeEngine } from "./fake-engine";
import { grpc } from "./grpc-runtime";
import { spawnHostProcess, type HostProcess } from "./host-process";
import { fromStruct, rpcSecret, toStruct, type PropertyMap } from "./properties";
import { ProviderHostCallError } from "./provider-host-call-error";
import { WireRecorder } from "./wire-recorder";

export interface DynamicProviderHostOptions {
  /** The host's working directory: the Pulumi program's, where `require` of the provider's modules works. */
  cwd?: string;
  /** Merged over `process.env`; a key set to `undefined` is left out of the host's environment. */
  env?: NodeJS.ProcessEnv;
  /**
   * Set PULUMI_NODEJS_ENGINE so `pulumi.log.*` inside the provider reaches the fake engine (`host.logs`). The CLI
   * does not set it for provider plugins, so by default such logs go to the host's console (`host.output`).
   */
  routeLogsToEngine?: boolean;
  /** How long to wait for the host to print its port. */
  startTimeoutMs?: number;
  /** gRPC deadline for each call. */
  callTimeoutMs?: number;
}

export interface ConfigureOptions {
  /** Keys whose values the engine sends as secrets in `args` (the host unwraps them). */
  secretKeys?: string[];
}

export interface ConfigureResult {
  acceptSecrets: boolean;
  acceptResources: boolean;
  acceptOutputs: boolean;
  supportsPreview: boolean;
}

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckResult {
  inputs: PropertyMap;
  failures: CheckFailure[];
}

export interface DiffOptions {
  oldInputs?: PropertyMap;
  ignoreChanges?: string[];
}

export interface DiffResult {
  changes: "none" | "some" | "unknown";
  replaces: string[];
  diffs: string[];
  stables: string[];
  deleteBeforeReplace: boolean;
}

export interface CreateResult {
  id: string;
  properties: PropertyMap;
}

export interface ReadResult {
  id: string;
  properties: PropertyMap;
  /** Present only when the provider's read returned `inputs`. */
  inputs: PropertyMap | undefined;
}

export interface UpdateOptions {
  preview?: boolean;
  oldInputs?: PropertyMap;
  ignoreChanges?: string[];
}

export interface UpdateResult {
  properties: PropertyMap;
}

/** The real `@pulumi/pulumi/cmd/dynamic-provider` process, driven over gRPC as the Pulumi engine drives it. */
export interface DynamicProviderHost {
  /** Every message on the channel, one line each: `<Method> <request|response|error> <JSON>`. */
  readonly wire: readonly string[];
  /** Everything the host process wrote to stdout and stderr. */
  readonly output: string;
  /** `pulumi.log.*` calls that reached the fake engine (see `routeLogsToEngine`). */
  readonly logs: readonly EngineLogEntry[];
  configure(variables: Record<string, string>, options?: ConfigureOptions): Promise<ConfigureResult>;
  check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<CheckResult>;
  diff(
    id: string,
    urn: string,
    olds: PropertyMap,
    news: PropertyMap,
    options?: DiffOptions,
  ): Promise<DiffResult>;
  create(urn: string, properties: PropertyMap, options?: { preview?: boolean }): Promise<CreateResult>;
  read(id: string, urn: string, properties: PropertyMap, inputs?: PropertyMap): Promise<ReadResult>;
  update(
    id: string,
    urn: string,
    olds: PropertyMap,
    news: PropertyMap,
    options?: UpdateOptions,
  ): Promise<UpdateResult>;
  delete(
    id: string,
    urn: string,
    properties: PropertyMap,
    options?: { oldInputs?: PropertyMap },
  ): Promise<void>;
  /** Stops the host and the fake engine and closes the channel; safe to call twice. */
  close(): Promise<void>;
}

// Pulumi's own limit for provider messages (a serialized provider can be large).
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => ClientUnaryCall;

/** The engine fills `name` and `type` from the URN's last two segments. */
function nameAndType(urn: string): { name: string; type: string } {
  const parts = urn.split("::");
  return { name: parts[parts.length - 1] ?? "", type: parts[parts.length - 2] ?? "" };
}

const DIFF_CHANGES: Record<provproto.DiffResponse.DiffChanges, DiffResult["changes"]> = {
  [provproto.DiffResponse.DiffChanges.DIFF_NONE]: "none",
  [provproto.DiffResponse.DiffChanges.DIFF_SOME]: "some",
  [provproto.DiffResponse.DiffChanges.DIFF_UNKNOWN]: "unknown",
};

export async function startDynamicProviderHost(
  options: DynamicProviderHostOptions = {},
): Promise<DynamicProviderHost> {
  const engine = await startFakeEngine();
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (options.routeLogsToEngine) env["PULUMI_NODEJS_ENGINE"] = engine.address;
  let hostProcess: HostProcess;
  try {
    hostProcess = await spawnHostProcess({
      cwd: options.cwd ?? process.cwd(),
      env,
      engineAddress: engine.address,
      startTimeoutMs: options.startTimeoutMs ?? 15_000,
    });
  } catch (error) {
    engine.close();
    throw error;
  }
  const recorder = new WireRecorder();
  const client = new ResourceProviderClient(
    `127.0.0.1:${hostProcess.port}`,
    grpc.credentials.createInsecure(),
    {
      "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
      interceptors: [recorder.interceptor],
    },
  );
  return new GrpcDynamicProviderHost(client, hostProcess, engine, recorder, options.callTimeoutMs ?? 20_000);
}

class GrpcDynamicProviderHost implements DynamicProviderHost {
  private closing: Promise<void> | undefined;

  constructor(
    private readonly client: ResourceProviderClient,
    private readonly hostProcess: HostProcess,
    private readonly engine: FakeEngine,
    private readonly recorder: WireRecorder,
    private readonly callTimeoutMs: number,
  ) {}

  get wire(): readonly string[] {
    return this.recorder.entries;
  }

  get output(): string {
    return this.hostProcess.output;
  }

  get logs(): readonly EngineLogEntry[] {
    return this.engine.logs;
  }

  async configure(
    variables: Record<string, string>,
    options: ConfigureOptions = {},
  ): Promise<ConfigureResult> {
    const secretKeys = new Set(options.secretKeys ?? []);
    const args: PropertyMap = {};
    const request = new provproto.ConfigureRequest();
    for (const [key, value] of Object.entries(variables)) {
      request.getVariablesMap().set(key, value);
      args[key] = secretKeys.has(key) ? rpcSecret(value) : value;
    }
    request.setArgs(toStruct(args));
    request.setAcceptsecrets(true);
    request.setAcceptresources(true);
    const response = await this.call("Configure", this.client.configure, request);
    return {
      acceptSecrets: response.getAcceptsecrets(),
      acceptResources: response.getAcceptresources(),
      acceptOutputs: response.getAcceptoutputs(),
      supportsPreview: response.getSupportspreview(),
    };
  }

  async check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<CheckResult> {
    const { name, type } = nameAndType(urn);
    const request = new provproto.CheckRequest();
    request.setUrn(urn).setName(name).setType(type);
    request.setOlds(toStruct(olds)).setNews(toStruct(news));
    request.setRandomseed(randomBytes(32));
    const response = await this.call("Check", this.client.check, request);
    return {
      inputs: fromStruct(response.getInputs()),
      failures: response.getFailuresList().map((failure) => ({
        property: failure.getProperty(),
        reason: failure.getReason(),
      })),
    };
  }

  async diff(
    id: string,
    urn: string,
    olds: PropertyMap,
    news: PropertyMap,
    options: DiffOptions = {},
  ): Promise<DiffResult> {
    const { name, type } = nameAndType(urn);
    const request = new provproto.DiffRequest();
    request.setId(id).setUrn(urn).setName(name).setType(type);
    request.setOlds(toStruct(olds)).setNews(toStruct(news));
    if (options.oldInputs) request.setOldInputs(toStruct(options.oldInputs));
    request.setIgnorechangesList(options.ignoreChanges ?? []);
    const response = await this.call("Diff", this.client.diff, request);
    return {
      changes: DIFF_CHANGES[response.getChanges()],
      replaces: response.getReplacesList(),
      diffs: response.getDiffsList(),
      stables: response.getStablesList(),
      deleteBeforeReplace: response.getDeletebeforereplace(),
    };
  }

  async create(
    urn: string,
    properties: PropertyMap,
    options: { preview?: boolean } = {},
  ): Promise<CreateResult> {
    const { name, type } = nameAndType(urn);
    const request = new provproto.CreateRequest();
    request.setUrn(urn).setName(name).setType(type);
    request.setProperties(toStruct(properties)).setPreview(options.preview ?? false);
    const response = await this.call("Create", this.client.create, request);
    return { id: response.getId(), properties: fromStruct(response.getProperties()) };
  }

  async read(id: string, urn: string, properties: PropertyMap, inputs?: PropertyMap): Promise<ReadResult> {
    const { name, type } = nameAndType(urn);
    const request = new provproto.ReadRequest();
    request.setId(id).setUrn(urn).setName(name).setType(type);
    request.setProperties(toStruct(properties));
    if (inputs) request.setInputs(toStruct(inputs));
    const response = await this.call("Read", this.client.read, request);
    return {
      id: response.getId(),
      properties: fromStruct(response.getProperties()),
      inputs: response.hasInputs() ? fromStruct(response.getInputs()) : undefined,
    };
  }

  async update(
    id: string,
    urn: string,
    olds: PropertyMap,
    news: PropertyMap,
    options: UpdateOptions = {},
  ): Promise<UpdateResult> {
    const { name, type } = nameAndType(urn);
    const request = new provproto.UpdateRequest();
    request.setId(id).setUrn(urn).setName(name).setType(type);
    request
      .setOlds(toStruct(olds))
      .setNews(toStruct(news))
      .setPreview(options.preview ?? false);
    if (options.oldInputs) request.setOldInputs(toStruct(options.oldInputs));
    request.setIgnorechangesList(options.ignoreChanges ?? []);
    const response = await this.call("Update", this.client.update, request);
    return { properties: fromStruct(response.getProperties()) };
  }

  async delete(
    id: string,
    urn: string,
    properties: PropertyMap,
    options: { oldInputs?: PropertyMap } = {},
  ): Promise<void> {
    const { name, type } = nameAndType(urn);
    const request = new provproto.DeleteRequest();
    request.setId(id).setUrn(urn).setName(name).setType(type);
    request.setProperties(toStruct(properties));
    if (options.oldInputs) request.setOldInputs(toStruct(options.oldInputs));
    await this.call("Delete", this.client.delete, request);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.client.close();
      await this.hostProcess.stop();
      this.engine.close();
    })();
    return this.closing;
  }

  private call<Req, Res>(method: string, fn: UnaryMethod<Req, Res>, request: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
      const deadline = new Date(Date.now() + this.callTimeoutMs);
      fn.call(this.client, request, new grpc.Metadata(), { deadline }, (error, response) =>
        error ? reject(ProviderHostCallError.fromServiceError(method, error)) : resolve(response),
      );
    });
  }
}
