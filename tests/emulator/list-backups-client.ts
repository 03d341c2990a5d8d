import type { Emulator } from "../../src/emulator";

export interface ListBackupsCall {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface ListBackupsPage {
  backups?: { id: string; [field: string]: unknown }[];
  nextPageToken?: string;
}

export interface CallOptions {
  /** Defaults to the emulator's token; null sends no Authorization header. */
  token?: string | null;
  method?: string;
  headers?: Record<string, string>;
}

export function backupsPath(clusterId: string): string {
  return `/mdb/sqlserver/v1/clusters/${encodeURIComponent(clusterId)}/backups`;
}

export async function callPath(
  emulator: Emulator,
  pathAndQuery: string,
  options: CallOptions = {},
): Promise<ListBackupsCall> {
  const token = options.token === undefined ? emulator.token : options.token;
  const headers: Record<string, string> = { ...options.headers };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${emulator.url}${pathAndQuery}`, {
    method: options.method ?? "GET",
    headers,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export function callListBackups(
  emulator: Emulator,
  clusterId: string,
  query: Record<string, string> = {},
  options: CallOptions = {},
): Promise<ListBackupsCall> {
  const search = new URLSearchParams(query).toString();
  return callPath(emulator, `${backupsPath(clusterId)}${search === "" ? "" : `?${search}`}`, options);
}

export async function fetchPage(
  emulator: Emulator,
  clusterId: string,
  query: Record<string, string> = {},
): Promise<ListBackupsPage> {
  const call = await callListBackups(emulator, clusterId, query);
  if (call.status !== 200) throw new Error(`HTTP ${call.status}: ${call.text}`);
  return JSON.parse(call.text) as ListBackupsPage;
}

/** Follows nextPageToken to the end; returns each page's ids. */
export async function pageThrough(
  emulator: Emulator,
  clusterId: string,
  pageSize?: number,
): Promise<string[][]> {
  const pages: string[][] = [];
  let pageToken = "";
  do {
    const query: Record<string, string> = {};
    if (pageSize !== undefined) query.pageSize = String(pageSize);
    if (pageToken !== "") query.pageToken = pageToken;
    const page = await fetchPage(emulator, clusterId, query);
    pages.push((page.backups ?? []).map((backup) => backup.id));
    pageToken = page.nextPageToken ?? "";
    if (pages.length > 10_000) throw new Error("paging does not end");
  } while (pageToken !== "");
  return pages;
}

export function numberedBackups(count: number, prefix = "bk"): { id: string; createdAt: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${String(i).padStart(4, "0")}`,
    createdAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
  }));
}
