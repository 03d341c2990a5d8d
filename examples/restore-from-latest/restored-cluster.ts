import * as pulumi from "@pulumi/pulumi";

/**
 * A stand-in for your own cluster resource's restore arguments: it restores a new SQL Server cluster from
 * a backup with `POST /mdb/sqlserver/v1/clusters:restore` and waits for the operation. A restore makes a
 * new cluster, so a different backupId or time replaces it — which is exactly why the backup to restore
 * from must be held, not looked up afresh on every run.
 *
 * It reads an IAM token from YC_TOKEN (or YC_IAM_TOKEN) and the endpoint from its input or YC_ENDPOINT,
 * at run time in the provider: neither is ever in the stack's state.
 */
export interface RestoredClusterArgs {
  name: pulumi.Input<string>;
  backupId: pulumi.Input<string>;
  /** The point in time to restore to (RFC 3339): the backup's createdAt restores it as it was made. */
  time: pulumi.Input<string>;
  folderId?: pulumi.Input<string>;
  /** As for the package's data source: an api-host, or a URL (the emulator). */
  endpoint?: pulumi.Input<string>;
}

interface Inputs {
  name: string;
  backupId: string;
  time: string;
  folderId?: string;
  endpoint?: string;
}

interface Operation {
  id: string;
  done?: boolean;
  metadata?: { clusterId?: string };
  error?: { code: number; message: string };
}

async function call(inputs: Inputs, method: string, path: string, body?: unknown): Promise<Operation> {
  const endpoint = inputs.endpoint ?? process.env.YC_ENDPOINT ?? "api.cloud.yandex.net";
  const service = path.startsWith("/operations/") ? "operation" : "mdb";
  const base = /^https?:\/\//.test(endpoint)
    ? endpoint.replace(/\/+$/, "")
    : `https://${service}.${endpoint}`;
  const token = process.env.YC_TOKEN ?? process.env.YC_IAM_TOKEN;
  if (!token) throw new Error("RestoredCluster needs an IAM token in YC_TOKEN or YC_IAM_TOKEN");
  const response = await fetch(base + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as Operation & { message?: string };
  if (!response.ok) {
    throw new Error(`${method} ${path}: HTTP ${response.status}: ${answer.message ?? "no message"}`);
  }
  return answer;
}

async function finished(inputs: Inputs, operation: Operation): Promise<Operation> {
  let current = operation;
  for (let waited = 0; !current.done; waited += 250) {
    if (waited > 30 * 60_000) throw new Error(`operation ${operation.id} did not finish in 30 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    current = await call(inputs, "GET", `/operations/${operation.id}`);
  }
  if (current.error) throw new Error(`operation ${operation.id} failed: ${current.error.message}`);
  return current;
}

const restoredClusterProvider: pulumi.dynamic.ResourceProvider<Inputs> = {
  async diff(_id, olds: Inputs, news: Inputs) {
    const replaces = (["name", "backupId", "time", "folderId"] as const).filter((k) => olds[k] !== news[k]);
    return { changes: replaces.length > 0 || olds.endpoint !== news.endpoint, replaces };
  },
  async create(inputs: Inputs) {
    const { name, backupId, time, folderId } = inputs;
    const started = await call(inputs, "POST", "/mdb/sqlserver/v1/clusters:restore", {
      name,
      backupId,
      time,
      folderId,
    });
    const done = await finished(inputs, started);
    const clusterId = done.metadata?.clusterId ?? started.metadata?.clusterId;
    if (!clusterId) throw new Error(`operation ${started.id} named no cluster`);
    return { id: clusterId, outs: { ...inputs, clusterId, operationId: started.id } };
  },
  async update(_id, _olds, news: Inputs) {
    return { outs: news };
  },
  async delete(id: string, props: Inputs) {
    await finished(props, await call(props, "DELETE", `/mdb/sqlserver/v1/clusters/${id}`));
  },
};

export class RestoredCluster extends pulumi.dynamic.Resource {
  declare readonly clusterId: pulumi.Output<string>;
  declare readonly backupId: pulumi.Output<string>;
  declare readonly time: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;

  constructor(name: string, args: RestoredClusterArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      restoredClusterProvider,
      name,
      { ...args, clusterId: undefined },
      opts,
      "restore-example",
      "RestoredCluster",
    );
  }
}
