import { randomBytes, randomUUID } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { answerClusterRequest, isClusterRoute, routeClusterRequest } from "./cluster-endpoints";
import {
  ClusterOperations,
  DEFAULT_OPERATION_DURATION_MS,
  type EmulatorOperation,
  type RestoredCluster,
} from "./cluster-operations";
import { ClusterStore } from "./cluster-store";
import type { EmulatorBackup } from "./emulator-backup";
import {
  answerCredentialRequest,
  isCredentialRoute,
  routeCredentialRequest,
  type CredentialRequest,
} from "./credential-endpoints";
import { checkBearerToken, EMULATOR_TOKEN } from "./emulator-token";
import { describeFault, faultResponse, FaultRegistry, type FaultSpec, type InjectedFault } from "./faults";
import { parseIamTokenRequest } from "./iam-token-exchange";
import { DEFAULT_IAM_TOKEN_LIFETIME_MS, IamTokenRegistry, type IamTokenStanding } from "./iam-tokens";
import { routeRequest } from "./list-backups-request";
import { answerRequest, clusterIdOf } from "./list-backups-response";
import { hostForUrl, isLoopbackHost } from "./loopback-host";
import { PendingDelays } from "./pending-delays";
import { preparedResponse, type PreparedResponse } from "./prepared-response";
import { readRequestBody } from "./request-body";
import { RequestLog, type RecordedRequest } from "./request-log";
import { firstHalfOf, resetConnection, writeHalfThenDisconnect, writeResponse } from "./response-writer";
import { DEFAULT_SERVER_ORDER_SEED } from "./server-order";
import {
  generateAuthorizedKey,
  ServiceAccountKeyRegistry,
  type AuthorizedKey,
  type CreateServiceAccountKeyOptions,
  type ServiceAccountPublicKey,
} from "./service-account-keys";
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
  /** OAuth tokens `POST /iam/v1/tokens` exchanges for IAM tokens. */
  oauthTokens?: string[];
  /** Lifetime of the IAM tokens the emulator issues (default 12 hours). */
  iamTokenLifetimeMs?: number;
  /** Serve the VM metadata service's token path (default false: 404, as off a cloud VM). */
  metadata?: boolean;
  /** How long a restore or delete operation takes before it is done (default 300 ms). */
  operationDurationMs?: number;
}

/**
 * A running emulator of `GET /mdb/sqlserver/v1/clusters/{clusterId}/backups`, with test controls; of
 * restoring a backup into a new cluster (`POST /mdb/sqlserver/v1/clusters:restore`, `GET` and `DELETE
 * /mdb/sqlserver/v1/clusters/{clusterId}`, `GET /operations/{operationId}`); and of the places IAM tokens
 * come from: `POST /iam/v1/tokens` and the VM metadata service's token path.
 */
export interface Emulator {
  /** "http://127.0.0.1:PORT", no trailing slash. */
  readonly url: string;
  /** The first accepted token. */
  readonly token: string;
  /** Lets `POST /iam/v1/tokens` exchange this OAuth token for an IAM token. */
  registerOAuthToken(oauthToken: string): void;
  /** Lets JWTs whose `kid` is key.id, signed with the matching private key, be exchanged. */
  registerServiceAccountKey(key: ServiceAccountPublicKey): void;
  /** Generates an RSA key pair, registers it, and returns it as `yc iam key create` writes it. */
  createServiceAccountKey(options?: CreateServiceAccountKeyOptions): AuthorizedKey;
  /** Lifetime of IAM tokens issued from now on (default 12 hours). */
  setIamTokenLifetime(ms: number): void;
  /** Serves (or, with false, stops serving) the VM metadata service's token path. */
  enableMetadataService(enabled?: boolean): void;
  /** IAM tokens issued so far, by exchange or by the metadata service. */
  readonly issuedTokenCount: number;
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
  /** How long operations started from now on take before they are done (default 300 ms). */
  setOperationDuration(ms: number): void;
  /** Clusters restored through the API and not deleted, in creation order. */
  restoredClusters(): RestoredCluster[];
  /** Every restore and delete operation started, in order. */
  operations(): EmulatorOperation[];
  /** Every request received, in order. */
  readonly requests: readonly RecordedRequest[];
  /** listBackups requests only, optionally for one cluster. */
  listRequests(clusterId?: string): RecordedRequest[];
  clearRequests(): void;
  /** Stops listening and drops every connection, keep-alive ones included. */
  close(): Promise<void>;
}

const DEFAULT_PAGE_SIZE = 100;
const MAX_IAM_REQUEST_BYTES = 64 * 1024;
const MAX_RESTORE_REQUEST_BYTES = 1024 * 1024;

function refuse(problem: string): never {
  throw new TypeError(`invalid emulator option: ${problem}`);
}

function checkedLatency(ms: number): number {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) refuse("latencyMs must be a number >= 0");
  return ms;
}

function checkedIamTokenLifetime(ms: number): number {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms <= 0)
    refuse("iamTokenLifetimeMs must be a number > 0");
  return ms;
}

function checkedOperationDuration(ms: number): number {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
    refuse("operationDurationMs must be a number >= 0");
  }
  return ms;
}

function checkedTokenList(tokens: unknown, name: string, allowEmpty: boolean): string[] {
  if (
    !Array.isArray(tokens) ||
    (!allowEmpty && tokens.length === 0) ||
    tokens.some((t) => typeof t !== "string" || t === "")
  ) {
    refuse(`${name} must be a${allowEmpty ? "" : " non-empty"} list of non-empty strings`);
  }
  return tokens as string[];
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
  private readonly clusterOperations: ClusterOperations;
  private readonly faults = new FaultRegistry();
  private readonly log = new RequestLog();
  private readonly delays = new PendingDelays();
  private readonly acceptedTokens: ReadonlySet<string>;
  private readonly oauthTokens: Set<string>;
  private readonly serviceAccountKeys = new ServiceAccountKeyRegistry();
  private readonly iamTokens: IamTokenRegistry;
  private metadataEnabled: boolean;
  private readonly defaultPageSize: number;
  private latencyMs: number;
  private baseUrl = "";
  private closing: Promise<void> | undefined;

  constructor(options: EmulatorOptions) {
    const tokens = checkedTokenList(options.tokens ?? [EMULATOR_TOKEN], "tokens", false);
    this.token = tokens[0];
    this.acceptedTokens = new Set(tokens);
    this.oauthTokens = new Set(checkedTokenList(options.oauthTokens ?? [], "oauthTokens", true));
    this.iamTokens = new IamTokenRegistry(
      checkedIamTokenLifetime(options.iamTokenLifetimeMs ?? DEFAULT_IAM_TOKEN_LIFETIME_MS),
    );
    this.metadataEnabled = options.metadata ?? false;
    if (typeof this.metadataEnabled !== "boolean") refuse("metadata must be a boolean");
    this.defaultPageSize = options.defaultPageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(this.defaultPageSize) || this.defaultPageSize < 1 || this.defaultPageSize > 1000) {
      refuse("defaultPageSize must be an integer from 1 to 1000");
    }
    const seed = options.seed ?? DEFAULT_SERVER_ORDER_SEED;
    if (!Number.isInteger(seed)) refuse("seed must be an integer");
    this.latencyMs = checkedLatency(options.latencyMs ?? 0);
    this.store = new ClusterStore(seed | 0);
    this.clusterOperations = new ClusterOperations(
      checkedOperationDuration(options.operationDurationMs ?? DEFAULT_OPERATION_DURATION_MS),
    );
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

  get issuedTokenCount(): number {
    return this.iamTokens.issuedCount;
  }

  registerOAuthToken(oauthToken: string): void {
    checkedTokenList([oauthToken], "an OAuth token", false);
    this.oauthTokens.add(oauthToken);
  }

  registerServiceAccountKey(key: ServiceAccountPublicKey): void {
    this.serviceAccountKeys.register(key);
  }

  createServiceAccountKey(options?: CreateServiceAccountKeyOptions): AuthorizedKey {
    const key = generateAuthorizedKey(options);
    this.serviceAccountKeys.register(key);
    return key;
  }

  setIamTokenLifetime(ms: number): void {
    this.iamTokens.lifetimeMs = checkedIamTokenLifetime(ms);
  }

  enableMetadataService(enabled = true): void {
    this.metadataEnabled = enabled;
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

  setOperationDuration(ms: number): void {
    this.clusterOperations.durationMs = checkedOperationDuration(ms);
  }

  restoredClusters(): RestoredCluster[] {
    return this.clusterOperations.restoredClusters(Date.now());
  }

  operations(): EmulatorOperation[] {
    return this.clusterOperations.operations(Date.now());
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

  private tokenStanding(token: string): IamTokenStanding {
    return this.acceptedTokens.has(token) ? "valid" : this.iamTokens.standing(token, Date.now());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const serverRequestId = randomUUID();
    const method = req.method ?? "GET";
    const { path, query } = splitRequestTarget(req.url ?? "/");
    const route =
      routeCredentialRequest(method, path) ?? routeClusterRequest(method, path) ?? routeRequest(method, path);
    const readsBody = (route.kind === "iamTokens" && route.methodAllowed) || route.kind === "restoreCluster";
    if (!readsBody) req.resume();
    const authorization = checkBearerToken(headerText(req.headers.authorization), (token) =>
      this.tokenStanding(token),
    );
    const clientRequestId = headerText(req.headers["x-request-id"]);
    const entry = this.log.record(
      isCredentialRoute(route) || isClusterRoute(route)
        ? { method, path, clientRequestId, serverRequestId, authorization }
        : {
            method,
            path,
            clusterId: clusterIdOf(route),
            pageSize: query.get("pageSize") ?? undefined,
            pageToken: query.get("pageToken") ?? undefined,
            clientRequestId,
            serverRequestId,
            authorization,
          },
    );
    // Read before any fault or delay, as a real server has the whole request before it answers.
    const restoreBody =
      route.kind === "restoreCluster" ? await readRequestBody(req, MAX_RESTORE_REQUEST_BYTES) : undefined;
    const credentialRequest: CredentialRequest =
      readsBody && route.kind === "iamTokens"
        ? { iamRequest: parseIamTokenRequest(await readRequestBody(req, MAX_IAM_REQUEST_BYTES)) }
        : { metadataFlavor: headerText(req.headers["metadata-flavor"]) };
    if (credentialRequest.iamRequest !== undefined && "exchange" in credentialRequest.iamRequest) {
      entry.exchange = credentialRequest.iamRequest.exchange;
    }

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
    const answer = (): PreparedResponse =>
      isClusterRoute(route)
        ? preparedResponse(
            answerClusterRequest(
              { store: this.store, operations: this.clusterOperations },
              route,
              authorization,
              restoreBody,
              Date.now(),
            ),
            serverRequestId,
          )
        : isCredentialRoute(route)
          ? preparedResponse(
              answerCredentialRequest(
                {
                  oauthTokens: this.oauthTokens,
                  keys: this.serviceAccountKeys,
                  tokens: this.iamTokens,
                  metadataEnabled: this.metadataEnabled,
                },
                route,
                credentialRequest,
                Date.now(),
              ),
              serverRequestId,
            )
          : answerRequest(
              { store: this.store, defaultPageSize: this.defaultPageSize },
              route,
              query,
              authorization,
              serverRequestId,
            );
    const response = (fault === undefined ? undefined : faultResponse(fault, serverRequestId)) ?? answer();

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
