import { BackupSelection } from "../backups/backup-selection";
import { normalizePage, PageShapeError, readNextPageToken } from "../backups/normalize-page";
import { resolveTokenSource } from "../credentials/resolve-token-source";
import type { IamTokenCache } from "../credentials/iam-token-cache";
import type { StackConfig } from "../credentials/stack-config";
import type { TokenContext, TokenSource } from "../credentials/token-source";
import { MalformedResponseError, NetworkError, NoMatchingBackupsError, YandexApiError } from "../errors";
import { ApiClient, type JsonResponse } from "../http/api-client";
import { RequestFailure } from "../http/request-failure";
import { paginate, type FetchedPage, type PageRequest } from "../paging/paginate";
import { RetryBudget } from "../retry/retry-budget";
import { runWithRetry } from "../retry/run-with-retry";
import { PACKAGE_VERSION } from "../version";
import type { LookupArgs } from "./lookup-args";
import { parseLookupRequest } from "./lookup-request";
import type { LookupResult } from "./lookup-result";

export interface LookupEnvironment {
  /** Where YC_* variables are read. Default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** The Pulumi stack's config (`yandex:token`, …), when there is a stack. */
  readonly config?: StackConfig;
  /** Debug log lines: one a page, one a retry, which credential won. They never hold a credential. */
  readonly log?: (message: string) => void;
  /** Told which credential source won, before the first request. */
  readonly onCredentials?: (source: { readonly description: string; readonly secret: boolean }) => void;
  /** Source of backoff jitter, for tests. Default Math.random. */
  readonly random?: () => number;
  /** Where exchanged IAM tokens are kept. Default: the one cache of this process. */
  readonly tokenCache?: IamTokenCache;
}

interface ListedPage {
  readonly response: JsonResponse;
  readonly attempts: number;
}

const noLog = (): void => undefined;
const USER_AGENT = `pulumi-yandex-backups/${PACKAGE_VERSION}`;

/**
 * The one lookup routine behind every front door: checks the arguments, finds the credential, reads every
 * page of listBackups (each page request retried on its own), and filters, sorts and picks. Either the
 * whole listing is read, or it throws: a partial result is never returned.
 */
export async function lookupClusterBackups(
  args: LookupArgs,
  environment: LookupEnvironment = {},
): Promise<LookupResult> {
  const env = environment.env ?? process.env;
  const log = environment.log ?? noLog;
  const request = parseLookupRequest(args, env, environment.config);
  const { clusterId, signal } = request;
  const credentials = resolveTokenSource(request, {
    iamBaseUrl: request.urls.iam,
    env,
    config: environment.config,
    cache: environment.tokenCache,
  });
  log(
    `listBackups of cluster ${clusterId}: credentials from ${credentials.description}, base ${request.urls.mdb}`,
  );
  environment.onCredentials?.({ description: credentials.description, secret: credentials.secret });

  const client = new ApiClient({
    baseUrl: request.urls.mdb,
    timeoutMs: request.timeoutMs,
    userAgent: USER_AGENT,
  });
  const budget = new RetryBudget(request.retry.maxRetryTimeMs);
  const tokens: TokenContext = {
    policy: request.retry,
    budget,
    timeoutMs: request.timeoutMs,
    userAgent: USER_AGENT,
    log,
    random: environment.random,
    signal,
  };
  const authorize = new RefreshOnce(credentials, tokens, log);
  const path = `/mdb/sqlserver/v1/clusters/${encodeURIComponent(clusterId)}/backups`;
  const pageSize = String(request.pageSize);

  const fetchPage = ({
    page,
    pageToken,
    signal: pageSignal,
  }: PageRequest): Promise<FetchedPage<ListedPage>> =>
    runWithRetry(
      async (attempts) => {
        const response = await authorize.send((authorization) =>
          client.send({
            method: "GET",
            path,
            query: { pageSize, pageToken },
            headers: { Authorization: authorization },
            signal: pageSignal,
          }),
        );
        let nextPageToken: string | undefined;
        try {
          nextPageToken = readNextPageToken(response.body);
        } catch (error) {
          if (!(error instanceof PageShapeError)) throw error;
          throw new RequestFailure(
            { kind: "body", field: error.field, problem: error.problem, requestId: response.requestId },
            false,
          );
        }
        return { body: { response, attempts }, nextPageToken };
      },
      {
        ...tokens,
        signal: pageSignal,
        label: `cluster ${clusterId} page ${page}`,
        toError: (failure: RequestFailure, attempts) => listingError(failure, clusterId, page, attempts),
      },
    );

  const selection = new BackupSelection(request.filter, request.limit);
  for await (const { page, body } of paginate(fetchPage, { clusterId, maxPages: request.maxPages, signal })) {
    const { response, attempts } = body;
    let normalized;
    try {
      normalized = normalizePage(response.body);
    } catch (error) {
      if (!(error instanceof PageShapeError)) throw error;
      const { field, problem } = error;
      throw new MalformedResponseError({
        field,
        problem,
        clusterId,
        page,
        attempts,
        requestId: response.requestId,
      });
    }
    selection.add(normalized.records, normalized.scanned);
    log(
      `listBackups of cluster ${clusterId} page ${page}: ${normalized.scanned} backups` +
        ` (${normalized.records.length} finished), ${attempts === 1 ? "1 attempt" : `${attempts} attempts`}` +
        (response.requestId ? `, request id ${response.requestId}` : ""),
    );
  }

  const { backups, scanned } = selection.finish();
  if (backups.length === 0 && request.failIfEmpty) {
    throw new NoMatchingBackupsError({ clusterId, filters: request.filtersGiven, scanned });
  }
  const result: LookupResult = {
    clusterId,
    backups,
    latest: backups[0],
    ids: backups.map((b) => b.id),
    scanned,
  };
  log(
    `listBackups of cluster ${clusterId}: ${scanned} scanned, ${backups.length} kept, latest ${result.latest?.id ?? "none"}`,
  );
  return result;
}

/**
 * Sends with the current token; when the API answers 401 to a token that can be renewed, renews it once
 * for the whole lookup and sends again. A second 401 is the API's answer.
 */
class RefreshOnce {
  private renewed = false;

  constructor(
    private readonly source: TokenSource,
    private readonly context: TokenContext,
    private readonly log: (message: string) => void,
  ) {}

  async send<T>(request: (authorization: string) => Promise<T>): Promise<T> {
    const authorization = await this.source.authorization(this.context);
    try {
      return await request(authorization);
    } catch (error) {
      const unauthenticated =
        error instanceof RequestFailure && error.facts.kind === "status" && error.facts.httpStatus === 401;
      if (!unauthenticated || this.renewed || !this.source.invalidate(authorization)) throw error;
      this.renewed = true;
      this.log(`HTTP 401 with the token from ${this.source.description}: renewing it once`);
      return request(await this.source.authorization(this.context));
    }
  }
}

function listingError(failure: RequestFailure, clusterId: string, page: number, attempts: number): Error {
  const f = failure.facts;
  switch (f.kind) {
    case "status":
      return new YandexApiError({ ...f, clusterId, page, attempts, retryable: failure.retryable });
    case "network":
      return new NetworkError({ ...f, clusterId, page, attempts });
    case "body":
      return new MalformedResponseError({ ...f, clusterId, page, attempts });
  }
}
