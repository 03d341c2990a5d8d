import { randomBytes, randomUUID } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { ClusterStore } from "./cluster-store";
import type { EmulatorBackup } from "./emulator-backup";
import { checkBearerToken, EMULATOR_TOKEN } from "./emulator-token";
import { describeFault, faultResponse, FaultRegistry, type FaultSpec, type InjectedFault } from "./faults";
import { routeRequest } from "./list-backups-request";
import { answerRequest, clusterIdOf } from "./list-backups-response";
import { hostForUrl, isLoopbackHost } from "./loopback-host";
import { PendingDelays } from "./pending-delays";
import { RequestLog, type RecordedRequest } from "./request-log";
import { firstHalfOf, resetConnection, writeHalfThenDisconnect, writeResponse } from "./response-writer";
import { DEFAULT_SERVER_ORDER_SEED } from "./server-order";
import { GrpcCode, statusJson } from "./status-json";

export interface EmulatorOptions {
  /** A loopback address (default 127.0.0.1); anything else is refused. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Accepted bearer tokens (default [EMULATOR_TOKEN]). */
  tokens?: string[];
  /** Page size when a request gives none or 0 (default 100). */
  defaultPageSize?: number;
  /** Seeds the hash that decides the server order of backups. */
  seed?: number;
  /** Delay before every response (default 0). */
  latencyMs?: number;
  /** Backups by cluster id to start with. */
  clusters?: Record<string, EmulatorBackup[]>;
}

/** A running emulator of `GET /mdb/sqlserver/v1/clusters/{clusterId}/backups`, with test controls. */
export interface Emulator {
  /** "http://127.0.0.1:PORT", no trailing slash. */
  readonly url: string;
  /** The first accepted token. */
  readonly token: string;
  /** Creates the cluster if needed, then adds the backups (a backup with a known id replaces it). */
  addCluster(clusterId: string, backups?: EmulatorBackup[]): void;
  /** Adds or replaces one backup, creating the cluster if needed. */
  addBackup(clusterId: string, backup: EmulatorBackup): void;
  /** Replaces the cluster's backups, creating it if needed; ends scripted paging and invalidates its tokens. */
  setBackups(clusterId: string, backups: EmulatorBackup[]): void;
  removeCluster(clusterId: string): void;
  /**
   * Serves these bodies with 200, keyed by page token ("" = first page), instead of real paging. A string
   * is sent verbatim (it may be malformed JSON); any other value is JSON-encoded. Unknown tokens get 400;
   * authentication and validation still apply. Creates the cluster if needed.
   */
  scriptPages(clusterId: string, pages: Record<string, unknown>): void;
  injectFault(fault: FaultSpec): InjectedFault;
  clearFaults(): void;
  setLatency(ms: number): void;
  /** Every request received, in order. */
  readonly requests: readonly RecordedRequest[];
  /** listBackups requests only, optionally for one cluster. */
  listRequests(clusterId?: string): RecordedRequest[];
  clearRequests(): void;
  /** Stops listening and drops every connection, keep-alive ones included. */
  close(): Promise<void>;
}

const DEFAULT_PAGE_SIZE = 100;

function refuse(problem: string): never {
  throw new TypeError(`invalid emulator option: ${problem}`);
}

function checkedLatency(ms: number): number {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) refuse("latencyMs must be a number >= 0");
  return ms;
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function serverTraceId(): string {
  return randomBytes(16).toString("hex");
}

function splitRequestTarget(target: string): { path: string; query: URLSearchParams } {
  const queryStart = target.indexOf("?");
  if (queryStart < 0) return { path: target, query: new URLSearchParams() };
  return { path: target.slice(0, queryStart), query: new URLSearchParams(target.slice(queryStart + 1)) };
}

class HttpEmulator implements Emulator {
  readonly token: string;
  private readonly server: Server;
  private readonly store: ClusterStore;
  private readonly faults = new FaultRegistry();
  private readonly log = new RequestLog();
  private readonly delays = new PendingDelays();
  private readonly acceptedTokens: ReadonlySet<string>;
  private readonly defaultPageSize: number;
  private latencyMs: number;
  private baseUrl = "";
  private closing: Promise<void> | undefined;

  constructor(options: EmulatorOptions) {
    const tokens = options.tokens ?? [EMULATOR_TOKEN];
    if (
      !Array.isArray(tokens) ||
      tokens.length === 0 ||
      tokens.some((t) => typeof t !== "string" || t === "")
    ) {
      refuse("tokens must be a non-empty list of non-empty strings");
    }
    this.token = tokens[0];
    this.acceptedTokens = new Set(tokens);
    this.defaultPageSize = options.defaultPageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(this.defaultPageSize) || this.defaultPageSize < 1 || this.defaultPageSize > 1000) {
      refuse("defaultPageSize must be an integer from 1 to 1000");
    }
    const seed = options.seed ?? DEFAULT_SERVER_ORDER_SEED;
    if (!Number.isInteger(seed)) refuse("seed must be an integer");
    this.latencyMs = checkedLatency(options.latencyMs ?? 0);
    this.store = new ClusterStore(seed | 0);
    for (const [clusterId, backups] of Object.entries(options.clusters ?? {})) {
      this.store.setBackups(clusterId, backups);
    }
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => this.answerInternalError(res, error));
    });
  }

  async listen(host: string, port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    const { port: boundPort } = this.server.address() as AddressInfo;
    this.baseUrl = `http://${hostForUrl(host)}:${boundPort}`;
  }

  get url(): string {
    return this.baseUrl;
  }

  get requests(): readonly RecordedRequest[] {
    return this.log.all();
  }

  addCluster(clusterId: string, backups?: EmulatorBackup[]): void {
    this.store.addCluster(clusterId, backups);
  }

  addBackup(clusterId: string, backup: EmulatorBackup): void {
    this.store.addBackup(clusterId, backup);
  }

  setBackups(clusterId: string, backups: EmulatorBackup[]): void {
    this.store.setBackups(clusterId, backups);
  }

  removeCluster(clusterId: string): void {
    this.store.removeCluster(clusterId);
  }

  scriptPages(clusterId: string, pages: Record<string, unknown>): void {
    this.store.scriptPages(clusterId, pages);
  }

  injectFault(fault: FaultSpec): InjectedFault {
    return this.faults.inject(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  setLatency(ms: number): void {
    this.latencyMs = checkedLatency(ms);
  }

  listRequests(clusterId?: string): RecordedRequest[] {
    return this.log.listBackupsRequests(clusterId);
  }

  clearRequests(): void {
    this.log.clear();
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
      this.delays.releaseAll();
    });
    return this.closing;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    req.resume();
    const serverRequestId = randomUUID();
    const method = req.method ?? "GET";
    const { path, query } = splitRequestTarget(req.url ?? "/");
    const route = routeRequest(method, path);
    const authorization = checkBearerToken(headerText(req.headers.authorization), this.acceptedTokens);
    const entry = this.log.record({
      method,
      path,
      clusterId: clusterIdOf(route),
      pageSize: query.get("pageSize") ?? undefined,
      pageToken: query.get("pageToken") ?? undefined,
      clientRequestId: headerText(req.headers["x-request-id"]),
      serverRequestId,
      authorization,
    });

    const fault = this.faults.take({ path, clusterId: entry.clusterId, pageToken: entry.pageToken });
    if (fault !== undefined) entry.fault = describeFault(fault);
    const delayMs = this.latencyMs + (fault?.delayMs ?? 0);
    if (delayMs > 0) await this.delays.wait(delayMs);
    if (req.socket.destroyed) return;

    if (fault?.reset === "before-response") {
      resetConnection(req.socket);
      return;
    }
    const headers: OutgoingHttpHeaders = {
      "content-type": "application/json",
      "x-request-id": serverRequestId,
      "x-server-trace-id": serverTraceId(),
    };
    if (fault?.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
    const response =
      (fault === undefined ? undefined : faultResponse(fault, serverRequestId)) ??
      answerRequest(
        { store: this.store, defaultPageSize: this.defaultPageSize },
        route,
        query,
        authorization,
        serverRequestId,
      );

    if (fault?.reset === "mid-body") {
      writeHalfThenDisconnect(res, response.status, headers, response.body);
    } else if (fault?.truncateJson === true) {
      entry.status = 200;
      writeResponse(res, 200, headers, firstHalfOf(response.body));
    } else {
      entry.status = response.status;
      writeResponse(res, response.status, headers, response.body);
    }
  }

  private answerInternalError(res: ServerResponse, error: unknown): void {
    if (res.headersSent || res.destroyed) return;
    const requestId = randomUUID();
    const message = `emulator failure: ${error instanceof Error ? error.message : String(error)}`;
    writeResponse(
      res,
      500,
      { "content-type": "application/json", "x-request-id": requestId, "x-server-trace-id": serverTraceId() },
      statusJson(GrpcCode.INTERNAL, message, requestId),
    );
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopbackHost(host)) refuse(`host must be a loopback address, not "${host}"`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) refuse("port must be an integer from 0 to 65535");
  const emulator = new HttpEmulator(options);
  await emulator.listen(host, port);
  return emulator;
}
