import { apiFailure, GrpcCode, type ApiFailure } from "./status-json";

const LIST_BACKUPS_PATH = /^\/mdb\/sqlserver\/v1\/clusters\/([^/]+)\/backups$/;
const MAX_CLUSTER_ID_LENGTH = 50;
const MAX_PAGE_SIZE = 1000;
const MAX_PAGE_TOKEN_LENGTH = 100;

export type EmulatorRoute =
  | { readonly kind: "listBackups"; readonly rawClusterId: string }
  | { readonly kind: "methodNotAllowed"; readonly rawClusterId: string }
  | { readonly kind: "notFound" };

export function routeRequest(method: string, pathname: string): EmulatorRoute {
  const match = LIST_BACKUPS_PATH.exec(pathname);
  if (match === null) return { kind: "notFound" };
  return method === "GET"
    ? { kind: "listBackups", rawClusterId: match[1] }
    : { kind: "methodNotAllowed", rawClusterId: match[1] };
}

export function decodePathSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

export interface ListBackupsRequest {
  readonly clusterId: string;
  /** 0 when the client left the choice to the server. */
  readonly pageSize: number;
  /** "" for the first page. */
  readonly pageToken: string;
}

// Limits count characters (code points), not UTF-16 units.
function characterCount(text: string): number {
  return Array.from(text).length;
}

function validationError(field: string, problem: string): ApiFailure {
  return apiFailure(GrpcCode.INVALID_ARGUMENT, `Request validation error: ${field}: ${problem}`);
}

// The gateway refuses a repeated singular field rather than picking one of the values.
function singleQueryValue(query: URLSearchParams, name: string): string | undefined | ApiFailure {
  const values = query.getAll(name);
  if (values.length > 1) return validationError(name, "must not be repeated");
  return values[0];
}

export function parseListBackupsRequest(
  rawClusterId: string,
  query: URLSearchParams,
): ListBackupsRequest | ApiFailure {
  const clusterId = decodePathSegment(rawClusterId);
  if (clusterId === undefined) return validationError("clusterId", "is not a valid path segment");
  if (characterCount(clusterId) > MAX_CLUSTER_ID_LENGTH) {
    return validationError(
      "clusterId",
      `the maximum string length in characters is ${MAX_CLUSTER_ID_LENGTH}`,
    );
  }

  const pageSizeText = singleQueryValue(query, "pageSize");
  if (typeof pageSizeText === "object") return pageSizeText;
  let pageSize = 0;
  if (pageSizeText !== undefined) {
    pageSize = /^\d+$/.test(pageSizeText) ? Number(pageSizeText) : NaN;
    if (!(pageSize <= MAX_PAGE_SIZE)) {
      return validationError("pageSize", `must be an integer from 0 to ${MAX_PAGE_SIZE}`);
    }
  }

  const pageToken = singleQueryValue(query, "pageToken") ?? "";
  if (typeof pageToken === "object") return pageToken;
  if (characterCount(pageToken) > MAX_PAGE_TOKEN_LENGTH) {
    return validationError(
      "pageToken",
      `the maximum string length in characters is ${MAX_PAGE_TOKEN_LENGTH}`,
    );
  }

  return { clusterId, pageSize, pageToken };
}

export function isApiFailure(value: ListBackupsRequest | ApiFailure): value is ApiFailure {
  return "grpcCode" in value;
}
