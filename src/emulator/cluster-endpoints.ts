import { clusterJson, operationJson, type ClusterOperations } from "./cluster-operations";
import type { ClusterStore } from "./cluster-store";
import { authorizationFailure, type AuthorizationOutcome } from "./emulator-token";
import { decodePathSegment } from "./list-backups-request";
import { parseRestoreClusterRequest } from "./restore-request";
import { millisToNanos, parseRfc3339Nanos } from "./rfc3339";
import { apiFailure, GrpcCode, type ApiFailure } from "./status-json";

export const RESTORE_CLUSTER_PATH = "/mdb/sqlserver/v1/clusters:restore";
const CLUSTER_PATH = /^\/mdb\/sqlserver\/v1\/clusters\/([^/]+)$/;
// Real Yandex serves operations on operation.{api-host}; the emulator has one origin for everything.
const OPERATION_PATH = /^\/operations\/([^/]+)$/;
const MAX_ID_LENGTH = 50;

/** Restoring a cluster from a backup, reading and deleting restored clusters, and polling operations. */
export type ClusterRoute =
  | { readonly kind: "restoreCluster" }
  | { readonly kind: "getCluster" | "deleteCluster"; readonly rawClusterId: string }
  | { readonly kind: "getOperation"; readonly rawOperationId: string }
  | { readonly kind: "clusterMethodNotAllowed" };

const CLUSTER_ROUTE_KINDS: ReadonlySet<string> = new Set([
  "restoreCluster",
  "getCluster",
  "deleteCluster",
  "getOperation",
  "clusterMethodNotAllowed",
]);

export function routeClusterRequest(method: string, path: string): ClusterRoute | undefined {
  if (path === RESTORE_CLUSTER_PATH) {
    return method === "POST" ? { kind: "restoreCluster" } : { kind: "clusterMethodNotAllowed" };
  }
  const cluster = CLUSTER_PATH.exec(path);
  if (cluster !== null) {
    if (method === "GET") return { kind: "getCluster", rawClusterId: cluster[1] };
    if (method === "DELETE") return { kind: "deleteCluster", rawClusterId: cluster[1] };
    return { kind: "clusterMethodNotAllowed" };
  }
  const operation = OPERATION_PATH.exec(path);
  if (operation !== null) {
    return method === "GET"
      ? { kind: "getOperation", rawOperationId: operation[1] }
      : { kind: "clusterMethodNotAllowed" };
  }
  return undefined;
}

export function isClusterRoute(route: { readonly kind: string }): route is ClusterRoute {
  return CLUSTER_ROUTE_KINDS.has(route.kind);
}

export interface ClusterEndpointContext {
  /** Where backups to restore from are looked up. */
  readonly store: ClusterStore;
  readonly operations: ClusterOperations;
}

function pathId(raw: string, field: string): string | ApiFailure {
  const id = decodePathSegment(raw);
  if (id === undefined) {
    return apiFailure(
      GrpcCode.INVALID_ARGUMENT,
      `Request validation error: ${field}: not a valid path segment`,
    );
  }
  if (Array.from(id).length > MAX_ID_LENGTH) {
    return apiFailure(
      GrpcCode.INVALID_ARGUMENT,
      `Request validation error: ${field}: the maximum string length in characters is ${MAX_ID_LENGTH}`,
    );
  }
  return id;
}

function backupFacts(json: string): { createdAt?: unknown; folderId?: unknown } {
  const parsed: unknown = JSON.parse(json);
  return typeof parsed === "object" && parsed !== null ? parsed : {};
}

function restoreCluster(
  context: ClusterEndpointContext,
  body: string | undefined,
  nowMs: number,
): ApiFailure | string {
  const request = parseRestoreClusterRequest(body);
  if ("grpcCode" in request) return request;
  const found = context.store.findBackup(request.backupId);
  if (found === undefined) {
    return apiFailure(GrpcCode.NOT_FOUND, `Backup "${request.backupId}" not found`);
  }
  const { createdAt, folderId } = backupFacts(found.json);
  if (typeof createdAt !== "string") {
    return apiFailure(
      GrpcCode.FAILED_PRECONDITION,
      `Backup "${request.backupId}" is not complete yet: it has no createdAt`,
    );
  }
  const createdAtNanos = parseRfc3339Nanos(createdAt);
  if (createdAtNanos === undefined) {
    return apiFailure(
      GrpcCode.FAILED_PRECONDITION,
      `Backup "${request.backupId}" has a createdAt that is not a timestamp: "${createdAt}"`,
    );
  }
  if (request.timeNanos < createdAtNanos) {
    return apiFailure(
      GrpcCode.FAILED_PRECONDITION,
      `time ${request.time} is earlier than backup "${request.backupId}" was completed (createdAt ${createdAt})`,
    );
  }
  if (request.timeNanos > millisToNanos(nowMs)) {
    return apiFailure(GrpcCode.FAILED_PRECONDITION, `time ${request.time} is in the future`);
  }
  const operation = context.operations.restore(
    request,
    typeof folderId === "string" ? folderId : undefined,
    nowMs,
  );
  return operationJson(operation);
}

/** What the API would answer: authentication first, then routing, validation and the resource's state. */
export function answerClusterRequest(
  context: ClusterEndpointContext,
  route: ClusterRoute,
  authorization: AuthorizationOutcome,
  body: string | undefined,
  nowMs: number,
): ApiFailure | string {
  const refused = authorizationFailure(authorization);
  if (refused !== undefined) return refused;
  switch (route.kind) {
    case "clusterMethodNotAllowed":
      return apiFailure(GrpcCode.UNIMPLEMENTED, "Method Not Allowed");
    case "restoreCluster":
      return restoreCluster(context, body, nowMs);
    case "getOperation": {
      const operationId = pathId(route.rawOperationId, "operationId");
      if (typeof operationId !== "string") return operationId;
      const operation = context.operations.operation(operationId, nowMs);
      if (operation === undefined) {
        return apiFailure(GrpcCode.NOT_FOUND, `Operation "${operationId}" not found`);
      }
      return operationJson(operation);
    }
    case "getCluster":
    case "deleteCluster": {
      const clusterId = pathId(route.rawClusterId, "clusterId");
      if (typeof clusterId !== "string") return clusterId;
      if (route.kind === "deleteCluster") {
        const operation = context.operations.delete(clusterId, nowMs);
        return "grpcCode" in operation ? operation : operationJson(operation);
      }
      const cluster = context.operations.cluster(clusterId, nowMs);
      if (cluster === undefined) return apiFailure(GrpcCode.NOT_FOUND, `Cluster "${clusterId}" not found`);
      return clusterJson(cluster);
    }
  }
}
