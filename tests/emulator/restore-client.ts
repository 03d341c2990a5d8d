import { RESTORE_CLUSTER_PATH, type Emulator } from "../../src/emulator";
import type { CallOptions, ListBackupsCall } from "./list-backups-client";

export interface OperationJson {
  id: string;
  description: string;
  createdAt: string;
  createdBy: string;
  modifiedAt: string;
  done: boolean;
  metadata: { "@type": string; clusterId: string; backupId?: string };
  response?: { "@type": string; [field: string]: unknown };
}

/** Any request with an optional JSON body; the token defaults to the emulator's, null sends none. */
export async function callWithBody(
  emulator: Emulator,
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<ListBackupsCall> {
  const token = options.token === undefined ? emulator.token : options.token;
  const headers: Record<string, string> = { ...options.headers };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export function callRestore(
  emulator: Emulator,
  body: unknown,
  options?: CallOptions,
): Promise<ListBackupsCall> {
  return callWithBody(emulator, "POST", RESTORE_CLUSTER_PATH, body, options);
}

export function clusterPath(clusterId: string): string {
  return `/mdb/sqlserver/v1/clusters/${encodeURIComponent(clusterId)}`;
}

export function operationPath(operationId: string): string {
  return `/operations/${encodeURIComponent(operationId)}`;
}

function expectOk(call: ListBackupsCall): ListBackupsCall {
  if (call.status !== 200) throw new Error(`HTTP ${call.status}: ${call.text}`);
  return call;
}

export async function restoreCluster(emulator: Emulator, body: unknown): Promise<OperationJson> {
  return JSON.parse(expectOk(await callRestore(emulator, body)).text) as OperationJson;
}

export async function getOperation(emulator: Emulator, operationId: string): Promise<OperationJson> {
  return JSON.parse(
    expectOk(await callWithBody(emulator, "GET", operationPath(operationId))).text,
  ) as OperationJson;
}

/** Polls the operation every 20 ms until it is done; gives up after timeoutMs. */
export async function waitForOperation(
  emulator: Emulator,
  operationId: string,
  timeoutMs = 5000,
): Promise<{ operation: OperationJson; polls: number }> {
  const deadline = Date.now() + timeoutMs;
  for (let polls = 1; ; polls++) {
    const operation = await getOperation(emulator, operationId);
    if (operation.done) return { operation, polls };
    if (Date.now() > deadline) throw new Error(`operation ${operationId} is not done after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
