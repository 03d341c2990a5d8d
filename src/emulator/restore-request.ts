import { parseRfc3339Nanos } from "./rfc3339";
import { apiFailure, GrpcCode, type ApiFailure } from "./status-json";

export const RESTORE_ENVIRONMENTS = ["PRODUCTION", "PRESTABLE"] as const;
export type RestoreEnvironment = (typeof RESTORE_ENVIRONMENTS)[number];

const NAME_PATTERN = /^[a-zA-Z0-9_-]*$/;
const MAX_NAME_LENGTH = 63;

/** A well-formed `RestoreClusterRequest`. Optional parts are kept as sent, without deep validation. */
export interface RestoreClusterRequest {
  readonly backupId: string;
  /** As sent. */
  readonly time: string;
  readonly timeNanos: bigint;
  readonly name: string;
  readonly description?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly environment?: RestoreEnvironment;
  readonly configSpec?: Readonly<Record<string, unknown>>;
  readonly hostSpecs?: readonly unknown[];
  readonly networkId?: string;
  readonly folderId?: string;
  readonly securityGroupIds?: readonly string[];
  readonly deletionProtection?: boolean;
  readonly hostGroupIds?: readonly string[];
  readonly serviceAccountId?: string;
}

function invalid(field: string, problem: string): ApiFailure {
  return apiFailure(GrpcCode.INVALID_ARGUMENT, `Request validation error: ${field}: ${problem}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

// proto3 JSON treats null as "not set" for every field.
function present(fields: Record<string, unknown>, name: string): unknown {
  const value = fields[name];
  return value === null ? undefined : value;
}

function requiredString(fields: Record<string, unknown>, name: string): string | ApiFailure {
  const value = present(fields, name);
  if (value === undefined || value === "") return invalid(name, "required");
  if (typeof value !== "string") return invalid(name, "must be a string");
  return value;
}

type Optional<T> = T | undefined | ApiFailure;

function optionalString(fields: Record<string, unknown>, name: string): Optional<string> {
  const value = present(fields, name);
  if (value === undefined || typeof value === "string") return value;
  return invalid(name, "must be a string");
}

function optionalStringList(fields: Record<string, unknown>, name: string): Optional<string[]> {
  const value = present(fields, name);
  if (value === undefined || isStringList(value)) return value;
  return invalid(name, "must be a list of strings");
}

function optionalLabels(fields: Record<string, unknown>): Optional<Record<string, string>> {
  const value = present(fields, "labels");
  if (value === undefined) return undefined;
  if (!isPlainObject(value) || Object.values(value).some((label) => typeof label !== "string")) {
    return invalid("labels", "must be a map of strings to strings");
  }
  return value as Record<string, string>;
}

function optionalEnvironment(fields: Record<string, unknown>): Optional<RestoreEnvironment> {
  const value = present(fields, "environment");
  if (value === undefined) return undefined;
  const known = RESTORE_ENVIRONMENTS.find((environment) => environment === value);
  return known ?? invalid("environment", `must be one of ${RESTORE_ENVIRONMENTS.join(", ")}`);
}

function isFailure(value: unknown): value is ApiFailure {
  return isPlainObject(value) && "grpcCode" in value;
}

/** Parses the body of `POST /mdb/sqlserver/v1/clusters:restore`; undefined stands for a body too large. */
export function parseRestoreClusterRequest(body: string | undefined): RestoreClusterRequest | ApiFailure {
  if (body === undefined) return apiFailure(GrpcCode.INVALID_ARGUMENT, "The request body is too large");
  let fields: unknown;
  try {
    fields = JSON.parse(body);
  } catch {
    return apiFailure(GrpcCode.INVALID_ARGUMENT, "Request validation error: the body is not valid JSON");
  }
  if (!isPlainObject(fields)) {
    return apiFailure(GrpcCode.INVALID_ARGUMENT, "Request validation error: the body must be a JSON object");
  }

  const backupId = requiredString(fields, "backupId");
  if (isFailure(backupId)) return backupId;
  const time = requiredString(fields, "time");
  if (isFailure(time)) return time;
  const timeNanos = parseRfc3339Nanos(time);
  if (timeNanos === undefined) return invalid("time", "must be an RFC 3339 timestamp");
  const name = requiredString(fields, "name");
  if (isFailure(name)) return name;
  if (!NAME_PATTERN.test(name)) return invalid("name", "must match [a-zA-Z0-9_-]*");
  if (name.length > MAX_NAME_LENGTH) {
    return invalid("name", `the maximum string length in characters is ${MAX_NAME_LENGTH}`);
  }

  const configSpec = present(fields, "configSpec");
  if (configSpec !== undefined && !isPlainObject(configSpec))
    return invalid("configSpec", "must be an object");
  const hostSpecs = present(fields, "hostSpecs");
  if (hostSpecs !== undefined && !Array.isArray(hostSpecs)) return invalid("hostSpecs", "must be a list");
  const deletionProtection = present(fields, "deletionProtection");
  if (deletionProtection !== undefined && typeof deletionProtection !== "boolean") {
    return invalid("deletionProtection", "must be a boolean");
  }
  const optional = {
    description: optionalString(fields, "description"),
    labels: optionalLabels(fields),
    environment: optionalEnvironment(fields),
    networkId: optionalString(fields, "networkId"),
    folderId: optionalString(fields, "folderId"),
    securityGroupIds: optionalStringList(fields, "securityGroupIds"),
    hostGroupIds: optionalStringList(fields, "hostGroupIds"),
    serviceAccountId: optionalString(fields, "serviceAccountId"),
  };
  for (const value of Object.values(optional)) if (isFailure(value)) return value;

  return {
    ...(optional as { [K in keyof typeof optional]: Exclude<(typeof optional)[K], ApiFailure> }),
    backupId,
    time,
    timeNanos,
    name,
    configSpec,
    hostSpecs,
    deletionProtection,
  } as RestoreClusterRequest;
}
