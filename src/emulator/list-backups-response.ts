import type { ClusterStore, ServedBackup } from "./cluster-store";
import { authorizationFailure, type AuthorizationOutcome } from "./emulator-token";
import {
  decodePathSegment,
  isApiFailure,
  parseListBackupsRequest,
  type EmulatorRoute,
} from "./list-backups-request";
import { preparedResponse, type PreparedResponse } from "./prepared-response";
import { apiFailure, GrpcCode, type ApiFailure } from "./status-json";

export interface ListBackupsContext {
  readonly store: ClusterStore;
  readonly defaultPageSize: number;
}

export function listBackupsPageJson(
  backups: readonly ServedBackup[],
  offset: number,
  pageSize: number,
  nextPageToken: string | undefined,
): string {
  const fields: string[] = [];
  if (offset < backups.length) {
    const page = backups.slice(offset, offset + pageSize);
    fields.push(`"backups":[${page.map((backup) => backup.json).join(",")}]`);
  }
  if (nextPageToken !== undefined) fields.push(`"nextPageToken":${JSON.stringify(nextPageToken)}`);
  return `{${fields.join(",")}}`;
}

function answerOrFail(
  context: ListBackupsContext,
  route: EmulatorRoute,
  query: URLSearchParams,
  authorization: AuthorizationOutcome,
): ApiFailure | string {
  const refused = authorizationFailure(authorization);
  if (refused !== undefined) return refused;
  if (route.kind === "notFound") return apiFailure(GrpcCode.NOT_FOUND, "Not Found");
  if (route.kind === "methodNotAllowed") return apiFailure(GrpcCode.UNIMPLEMENTED, "Method Not Allowed");

  const request = parseListBackupsRequest(route.rawClusterId, query);
  if (isApiFailure(request)) return request;
  const cluster = context.store.get(request.clusterId);
  if (cluster === undefined) {
    return apiFailure(GrpcCode.NOT_FOUND, `Cluster "${request.clusterId}" not found`);
  }
  const unknownToken = apiFailure(GrpcCode.INVALID_ARGUMENT, "Request validation error: pageToken: invalid");

  if (cluster.scriptedPages !== undefined) {
    return cluster.scriptedPages.get(request.pageToken) ?? unknownToken;
  }

  let offset = 0;
  if (request.pageToken !== "") {
    const position = context.store.pageTokens.resolve(request.pageToken);
    if (position === undefined || position.clusterId !== request.clusterId) return unknownToken;
    offset = position.offset;
  }
  const pageSize = request.pageSize === 0 ? context.defaultPageSize : request.pageSize;
  const nextOffset = offset + pageSize;
  const nextPageToken =
    nextOffset < cluster.backups.length
      ? context.store.pageTokens.issue(request.clusterId, nextOffset)
      : undefined;
  return listBackupsPageJson(cluster.backups, offset, pageSize, nextPageToken);
}

/** What the API itself would answer: authentication first, then routing, validation, cluster and token. */
export function answerRequest(
  context: ListBackupsContext,
  route: EmulatorRoute,
  query: URLSearchParams,
  authorization: AuthorizationOutcome,
  requestId: string,
): PreparedResponse {
  return preparedResponse(answerOrFail(context, route, query, authorization), requestId);
}

export function clusterIdOf(route: EmulatorRoute): string | undefined {
  return route.kind === "notFound"
    ? undefined
    : (decodePathSegment(route.rawClusterId) ?? route.rawClusterId);
}
