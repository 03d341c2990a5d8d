import * as pulumi from "@pulumi/pulumi";
import type { Backup } from "../src/backups/backup";
import type { StackConfig } from "../src/credentials/stack-config";
import type { LookupArgs } from "../src/lookup/lookup-args";
import { BackupLookupError } from "../src/errors";
import { lookupClusterBackups } from "../src/lookup/lookup-cluster-backups";
import type { LookupResult } from "../src/lookup/lookup-result";
import type { RetryOptions } from "../src/retry/retry-policy";

/**
 * Lists the backups of a Yandex Cloud Managed Service for SQL Server cluster (listBackups), reading every
 * page with retries, and picks the newest one that passes the filters. It runs in the program's own
 * process, so it answers in `pulumi preview` as in `pulumi up`.
 *
 * ## Example Usage
 *
 * ```typescript
 * import * as pulumi from "@pulumi/pulumi";
 * import { getClusterBackups } from "pulumi-yandex-backups";
 *
 * const found = await getClusterBackups({ clusterId: "c9q8ml85r1oh5ihcjudd", databases: ["orders"] });
 * export const restoreFrom = found.latest?.id;
 * ```
 */
export function getClusterBackups(
  args: GetClusterBackupsArgs,
  // Accepted for the Pulumi function signature; provider, parent and version do not apply to a lookup
  // that runs in the program's own process.
  _opts?: pulumi.InvokeOptions,
): Promise<GetClusterBackupsResult> {
  return lookupClusterBackups(args, { log: debugLog, config: programConfig });
}

/**
 * The output form of getClusterBackups: takes Inputs and returns an Output. The result is unknown while
 * any input (or a `dependsOn` resource's id) is unknown, and secret when any input is secret.
 *
 * ## Example Usage
 *
 * ```typescript
 * import * as pulumi from "@pulumi/pulumi";
 * import { getClusterBackupsOutput } from "pulumi-yandex-backups";
 *
 * const cfg = new pulumi.Config();
 * const found = getClusterBackupsOutput({ clusterId: cfg.require("sourceClusterId"), databases: ["orders"] });
 * export const restoreFrom = found.latest.apply((b) => b?.id);
 * ```
 */
export function getClusterBackupsOutput(
  args: GetClusterBackupsOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetClusterBackupsResult> {
  const looked = pulumi
    .all([pulumi.output(args), dependenciesReady(opts?.dependsOn)])
    .apply(async ([plain]) => {
      let fromSecretConfig = false;
      try {
        const result = await lookupClusterBackups(plain as LookupArgs, {
          log: debugLog,
          config: programConfig,
          onCredentials: (source) => (fromSecretConfig = source.secret),
        });
        return { result, fromSecretConfig };
      } catch (error) {
        // An error here can only end the program. As a RunError, Pulumi shows it as one line (class,
        // message, request id) rather than as an unhandled exception with a stack trace.
        if (error instanceof BackupLookupError) throw new pulumi.RunError(`${error.name}: ${error.message}`);
        throw error;
      }
    });
  // A result reached with a credential from secret config stays secret, like one from a secret Input.
  return looked.apply(({ result, fromSecretConfig }) =>
    fromSecretConfig ? pulumi.secret(result) : pulumi.output(result),
  ) as pulumi.Output<GetClusterBackupsResult>;
}

/** A collection of arguments for invoking getClusterBackups. */
export interface GetClusterBackupsArgs extends LookupArgs {}

/** A collection of arguments for invoking getClusterBackupsOutput. Each is as in GetClusterBackupsArgs. */
export interface GetClusterBackupsOutputArgs {
  /** ID of the cluster whose backups to list: 1–50 letters, digits, `-` or `_`. */
  clusterId: pulumi.Input<string>;
  /** Keep only backups that contain every one of these databases (exact names). */
  databases?: pulumi.Input<pulumi.Input<string>[]>;
  /** RFC 3339. Keep only backups whose `createdAt` is at or after this instant. */
  createdAfter?: pulumi.Input<string>;
  /** RFC 3339. Keep only backups whose `createdAt` is at or before this instant ("as of"). */
  createdBefore?: pulumi.Input<string>;
  /** Keep only the N newest backups after filtering. */
  limit?: pulumi.Input<number>;
  /** Fail with NoMatchingBackupsError instead of returning an empty result. Default false. */
  failIfEmpty?: pulumi.Input<boolean>;
  /** Backups asked for per request, 1–1000. Default 1000. */
  pageSize?: pulumi.Input<number>;
  /** Most pages read before the listing is abandoned with a PaginationError. Default 10000. */
  maxPages?: pulumi.Input<number>;
  /** api-host or base URL. Default: `yandex:endpoint`, YC_ENDPOINT, else `api.cloud.yandex.net`. */
  endpoint?: pulumi.Input<string>;
  /** An IAM or OAuth token. Default: see Credentials. A secret Input keeps the result secret. */
  token?: pulumi.Input<string>;
  /** A service account's authorized key: the path to its JSON file, or the JSON itself. */
  serviceAccountKey?: pulumi.Input<string>;
  /** How failed requests are retried. */
  retry?: pulumi.Input<RetryOptions>;
  /** Deadline of each request, in ms. Default 30000. */
  timeoutMs?: pulumi.Input<number>;
}

/** A collection of values returned by getClusterBackups. */
export interface GetClusterBackupsResult extends LookupResult {}

export type { Backup, RetryOptions };

/** The program's stack config, read raw: `pulumi.Config.get` would warn on a secret key read as plain. */
const programConfig: StackConfig = {
  get: (key) => pulumi.runtime.getConfig(key),
  isSecret: (key) => {
    const runtime = pulumi.runtime as unknown as { isConfigSecret?: (k: string) => boolean };
    return runtime.isConfigSecret?.(key) ?? false;
  },
};

function debugLog(message: string): void {
  void pulumi.log.debug(message);
}

/** Resolves once every dependsOn resource has an id (custom resources) or a URN (components). */
function dependenciesReady(dependsOn: pulumi.InvokeOutputOptions["dependsOn"]): pulumi.Output<unknown> {
  if (dependsOn === undefined) return pulumi.output(undefined);
  return pulumi.output(dependsOn).apply((resolved) => {
    const resources = (Array.isArray(resolved) ? resolved : [resolved]) as pulumi.Resource[];
    return pulumi.all(
      resources.map((r) => (pulumi.CustomResource.isInstance(r) ? r.id : (r as pulumi.Resource).urn)),
    );
  });
}
