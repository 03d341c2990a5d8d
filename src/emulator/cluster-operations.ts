import { newMdbResourceId } from "./resource-ids";
import type { RestoreClusterRequest } from "./restore-request";
import { apiFailure, GrpcCode, type ApiFailure } from "./status-json";

export const DEFAULT_OPERATION_DURATION_MS = 300;

export type RestoredClusterStatus = "CREATING" | "RUNNING" | "DELETING";

/** A cluster restored from a backup through the emulator, as a test sees it. */
export interface RestoredCluster {
  readonly id: string;
  readonly name: string;
  readonly backupId: string;
  /** The point in time asked for, as sent. */
  readonly time: string;
  readonly folderId?: string;
  readonly status: RestoredClusterStatus;
  /** RFC 3339, when the restore started. */
  readonly createdAt: string;
}

export type OperationKind = "restore" | "delete";

/** An operation the emulator started, as a test sees it. */
export interface EmulatorOperation {
  readonly id: string;
  readonly kind: OperationKind;
  readonly done: boolean;
  readonly clusterId: string;
}

/** A restored cluster: what was asked for, and where it stands. */
export interface ClusterRecord {
  readonly id: string;
  readonly request: RestoreClusterRequest;
  readonly folderId?: string;
  readonly createdAtMs: number;
  status: RestoredClusterStatus;
}

export interface OperationRecord {
  readonly id: string;
  readonly kind: OperationKind;
  readonly clusterId: string;
  readonly backupId?: string;
  readonly createdAtMs: number;
  readonly doneAtMs: number;
  done: boolean;
  /** The Cluster as it stood when a restore finished. */
  restoredCluster?: Record<string, unknown>;
}

const SQLSERVER_TYPE = "type.googleapis.com/yandex.cloud.mdb.sqlserver.v1";
const EMPTY_TYPE = "type.googleapis.com/google.protobuf.Empty";
const DEFAULT_ENVIRONMENT = "PRODUCTION";
const CONFIG_FIELDS = [
  "version",
  "resources",
  "backupWindowStart",
  "access",
  "secondaryConnections",
] as const;

// proto3 JSON leaves out fields holding their default value.
function withoutDefaults(fields: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const empty =
      value === undefined ||
      value === "" ||
      value === false ||
      (Array.isArray(value) && value.length === 0) ||
      (typeof value === "object" && value !== null && Object.keys(value).length === 0);
    if (!empty) kept[name] = value;
  }
  return kept;
}

function configOf(configSpec: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const name of CONFIG_FIELDS) config[name] = configSpec?.[name];
  return withoutDefaults(config);
}

// yandex.cloud.mdb.sqlserver.v1.Cluster.Status has no DELETING: a cluster on its way out reads as STOPPING.
const WIRE_STATUS: Readonly<Record<RestoredClusterStatus, string>> = {
  CREATING: "CREATING",
  RUNNING: "RUNNING",
  DELETING: "STOPPING",
};

/** The `yandex.cloud.mdb.sqlserver.v1.Cluster` JSON of a restored cluster, fields in proto order. */
export function clusterJsonObject(cluster: ClusterRecord): Record<string, unknown> {
  const { request } = cluster;
  return withoutDefaults({
    id: cluster.id,
    folderId: cluster.folderId,
    createdAt: new Date(cluster.createdAtMs).toISOString(),
    name: request.name,
    description: request.description,
    labels: request.labels,
    environment: request.environment ?? DEFAULT_ENVIRONMENT,
    config: configOf(request.configSpec),
    networkId: request.networkId,
    health: cluster.status === "RUNNING" ? "ALIVE" : undefined,
    status: WIRE_STATUS[cluster.status],
    securityGroupIds: request.securityGroupIds,
    deletionProtection: request.deletionProtection,
    hostGroupIds: request.hostGroupIds,
    serviceAccountId: request.serviceAccountId,
  });
}

/**
 * Restored clusters and the operations that create and delete them. Operations finish by the clock, not by
 * timers: every read first settles the ones whose time has come, in the order they finish.
 */
export class ClusterOperations {
  private readonly clusters = new Map<string, ClusterRecord>();
  private readonly operationsById = new Map<string, OperationRecord>();
  private pending: OperationRecord[] = [];

  constructor(public durationMs: number = DEFAULT_OPERATION_DURATION_MS) {}

  /** Starts restoring; the new cluster is CREATING until the operation is done. */
  restore(
    request: RestoreClusterRequest,
    backupFolderId: string | undefined,
    nowMs: number,
  ): OperationRecord {
    this.settle(nowMs);
    const cluster: ClusterRecord = {
      id: newMdbResourceId((id) => this.clusters.has(id)),
      request,
      folderId: request.folderId || backupFolderId || undefined,
      createdAtMs: nowMs,
      status: "CREATING",
    };
    this.clusters.set(cluster.id, cluster);
    return this.start("restore", cluster.id, nowMs, request.backupId);
  }

  /** Starts deleting a restored cluster; it is DELETING until the operation is done, then gone. */
  delete(clusterId: string, nowMs: number): OperationRecord | ApiFailure {
    const cluster = this.cluster(clusterId, nowMs);
    if (cluster === undefined) return apiFailure(GrpcCode.NOT_FOUND, `Cluster "${clusterId}" not found`);
    if (cluster.status !== "RUNNING") {
      return apiFailure(
        GrpcCode.FAILED_PRECONDITION,
        `Cluster "${clusterId}" is ${cluster.status.toLowerCase()}: another operation is in progress`,
      );
    }
    if (cluster.request.deletionProtection === true) {
      return apiFailure(GrpcCode.FAILED_PRECONDITION, `Cluster "${clusterId}" has deletion protection on`);
    }
    cluster.status = "DELETING";
    return this.start("delete", clusterId, nowMs);
  }

  cluster(clusterId: string, nowMs: number): ClusterRecord | undefined {
    this.settle(nowMs);
    return this.clusters.get(clusterId);
  }

  operation(operationId: string, nowMs: number): OperationRecord | undefined {
    this.settle(nowMs);
    return this.operationsById.get(operationId);
  }

  restoredClusters(nowMs: number): RestoredCluster[] {
    this.settle(nowMs);
    return [...this.clusters.values()].map((cluster) => {
      const restored: { -readonly [K in keyof RestoredCluster]: RestoredCluster[K] } = {
        id: cluster.id,
        name: cluster.request.name,
        backupId: cluster.request.backupId,
        time: cluster.request.time,
        status: cluster.status,
        createdAt: new Date(cluster.createdAtMs).toISOString(),
      };
      if (cluster.folderId !== undefined) restored.folderId = cluster.folderId;
      return restored;
    });
  }

  operations(nowMs: number): EmulatorOperation[] {
    this.settle(nowMs);
    return [...this.operationsById.values()].map(({ id, kind, done, clusterId }) => ({
      id,
      kind,
      done,
      clusterId,
    }));
  }

  private start(kind: OperationKind, clusterId: string, nowMs: number, backupId?: string): OperationRecord {
    const operation: OperationRecord = {
      id: newMdbResourceId((id) => this.operationsById.has(id)),
      kind,
      clusterId,
      backupId,
      createdAtMs: nowMs,
      doneAtMs: nowMs + this.durationMs,
      done: false,
    };
    this.operationsById.set(operation.id, operation);
    this.pending.push(operation);
    return operation;
  }

  private settle(nowMs: number): void {
    const due = this.pending.filter((operation) => operation.doneAtMs <= nowMs);
    if (due.length === 0) return;
    this.pending = this.pending.filter((operation) => operation.doneAtMs > nowMs);
    due.sort((a, b) => a.doneAtMs - b.doneAtMs);
    for (const operation of due) {
      operation.done = true;
      const cluster = this.clusters.get(operation.clusterId);
      if (cluster === undefined) continue;
      if (operation.kind === "restore") {
        cluster.status = "RUNNING";
        operation.restoredCluster = clusterJsonObject(cluster);
      } else {
        this.clusters.delete(cluster.id);
      }
    }
  }
}

/** The `yandex.cloud.operation.Operation` JSON, with the response once done. */
export function operationJson(operation: OperationRecord): string {
  const restore = operation.kind === "restore";
  const fields: Record<string, unknown> = {
    id: operation.id,
    description: restore ? "Create new SQL Server cluster from backup" : "Delete SQL Server cluster",
    createdAt: new Date(operation.createdAtMs).toISOString(),
    createdBy: "emulator",
    modifiedAt: new Date(operation.done ? operation.doneAtMs : operation.createdAtMs).toISOString(),
    done: operation.done,
    metadata: restore
      ? {
          "@type": `${SQLSERVER_TYPE}.RestoreClusterMetadata`,
          clusterId: operation.clusterId,
          backupId: operation.backupId,
        }
      : { "@type": `${SQLSERVER_TYPE}.DeleteClusterMetadata`, clusterId: operation.clusterId },
  };
  if (operation.done) {
    fields.response = restore
      ? { "@type": `${SQLSERVER_TYPE}.Cluster`, ...operation.restoredCluster }
      : { "@type": EMPTY_TYPE };
  }
  return JSON.stringify(fields);
}

export function clusterJson(cluster: ClusterRecord): string {
  return JSON.stringify(clusterJsonObject(cluster));
}
