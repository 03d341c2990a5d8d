import * as pulumi from "@pulumi/pulumi";
import type { Backup } from "../src/backups/backup";
import type { GetClusterBackupsOutputArgs } from "./getClusterBackups";

/**
 * Loads the provider's implementation inside the provider host. The host runs in the program's directory,
 * so the package is resolved from there first (where the program installed it, or — in this repository —
 * the package itself, by its own name), then from wherever the host's @pulumi/pulumi sits.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
function implementation(): typeof import("../src/provider") {
  const name = "pulumi-yandex-backups/dynamic-provider";
  const { createRequire } = require("node:module") as typeof import("node:module");
  const { join } = require("node:path") as typeof import("node:path");
  try {
    return createRequire(join(process.cwd(), "index.js"))(name);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "MODULE_NOT_FOUND") throw error;
    return require(name);
  }
}

/**
 * The provider the engine runs for ClusterBackups. The Pulumi closure serializer copies these methods and
 * `implementation` into the provider host; nothing else of this module (and no credential) is captured.
 */
export const clusterBackupsProvider: pulumi.dynamic.ResourceProvider = {
  async configure(req) {
    await implementation().configure(req);
  },
  async check(olds, news) {
    return implementation().check(olds, news);
  },
  async diff(id, olds, news) {
    return implementation().diff(id, olds, news);
  },
  async create(inputs) {
    return implementation().create(inputs);
  },
  async update(id, olds, news) {
    return implementation().update(id, olds, news);
  },
  async read(id, props) {
    return implementation().read(id, props);
  },
  async delete() {
    await implementation().remove();
  },
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The arguments of ClusterBackups: those of getClusterBackupsOutput less credentials (read by the
 * provider at run time, never inputs), plus keepers.
 */
export interface ClusterBackupsArgs extends Omit<GetClusterBackupsOutputArgs, "token" | "serviceAccountKey"> {
  /**
   * Arbitrary values that, when changed, make the resource pick afresh. Bump one (say `generation`) to
   * restore from a newer backup on purpose; leave them alone and the pick is held.
   */
  keepers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Picks a cluster's backup and holds the pick in the stack: the first `pulumi preview` already shows it,
 * and later previews, updates and refreshes keep it while `clusterId`, the filters, `endpoint` and
 * `keepers` stay the same — however many new backups appear. Changing any of them picks afresh.
 *
 * Use it to feed a restore (`latest.id`, `latest.createdAt`), where a fresh answer on every run would
 * replace the restored cluster after each nightly backup. Credentials come from the stack config
 * (`yandex:token`, `yandex:serviceAccountKeyFile`), the environment or the VM metadata service, read in
 * the provider at run time: they are never inputs and never in the state.
 *
 * ## Example Usage
 *
 * ```typescript
 * const source = new ClusterBackups("prod-orders", {
 *   clusterId: cfg.require("sourceClusterId"),
 *   databases: ["orders"],
 *   keepers: { generation: cfg.get("restoreGeneration") ?? "1" },
 * });
 * export const restoreFrom = source.latest.apply((b) => b?.id);
 * ```
 */
export class ClusterBackups extends pulumi.dynamic.Resource {
  /** The cluster that was listed. */
  declare readonly clusterId: pulumi.Output<string>;
  /** Backups that passed the filters when the pick was made, newest first. */
  declare readonly backups: pulumi.Output<Backup[]>;
  /** The picked backup (`backups[0]`); undefined when none matched. */
  declare readonly latest: pulumi.Output<Backup | undefined>;
  /** The ids of `backups`, in order. */
  declare readonly ids: pulumi.Output<string[]>;
  /** Backups the API returned before filtering, when the pick was made. */
  declare readonly scanned: pulumi.Output<number>;
  /** When the pick was made (RFC 3339, UTC). */
  declare readonly selectedAt: pulumi.Output<string>;
  /** The keepers the pick was made with. */
  declare readonly keepers: pulumi.Output<Record<string, string> | undefined>;

  constructor(name: string, args: ClusterBackupsArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      clusterBackupsProvider,
      name,
      {
        ...args,
        backups: undefined,
        latest: undefined,
        ids: undefined,
        scanned: undefined,
        selectedAt: undefined,
      },
      opts,
      "yandex-backups",
      "ClusterBackups",
    );
  }
}
