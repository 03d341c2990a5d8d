import { BackupSelection } from "../backups/backup-selection";
import { normalizePage, PageShapeError, readNextPageToken } from "../backups/normalize-page";
import { resolveTokenSource } from "../credentials/resolve-token-source";
import { MalformedResponseError, NoMatchingBackupsError } from "../errors";
import { ApiClient, type JsonResponse } from "../http/api-client";
import { paginate, type FetchedPage, type PageRequest } from "../paging/paginate";
import { AttemptFailure } from "../retry/attempt-failure";
import { RetryBudget } from "../retry/retry-budget";
import { runWithRetry } from "../retry/run-with-retry";
import { PACKAGE_VERSION } from "../version";
import type { LookupArgs } from "./lookup-args";
import { parseLookupRequest } from "./lookup-request";
import type { LookupResult } from "./lookup-result";

export interface LookupEnvironment {
  /** Where YC_TOKEN and YC_ENDPOINT are read. Default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Debug log lines: one a page, one a retry. They never hold a token. */
  readonly log?: (message: string) => void;
  /** Source of backoff jitter, for tests. Default Math.random. */
  readonly random?: () => number;
}

interface ListedPage {
  readonly response: JsonResponse;
  readonly attempts: number;
}

const noLog = (): void => undefined;

/**
 * The one lookup routine behind every front door: checks the arguments, reads every page of listBackups
 * (each page request retried on its own), and filters, sorts and picks. Either the whole listing is read,
 * or it throws: a partial result is never returned.
 */
export async function lookupClusterBackups(
  args: LookupArgs,
  environment: LookupEnvironment = {},
): Promise<LookupResult> {
  const env = environment.env ?? process.env;
  const log = environment.log ?? noLog;
  const request = parseLookupRequest(args, env);
  const { clusterId, signal } = request;
  const credentials = resolveTokenSource(request.token, env);
  log(
    `listBackups of cluster ${clusterId}: credentials from ${credentials.description}, base ${request.baseUrl}`,
  );

  const client = new ApiClient({
    baseUrl: request.baseUrl,
    timeoutMs: request.timeoutMs,
    userAgent: `pulumi-yandex-backups/${PACKAGE_VERSION}`,
  });
  const budget = new RetryBudget(request.retry.maxRetryTimeMs);
  const path = `/mdb/sqlserver/v1/clusters/${encodeURIComponent(clusterId)}/backups`;
  const pageSize = String(request.pageSize);

  const fetchPage = ({
    page,
    pageToken,
    signal: pageSignal,
  }: PageRequest): Promise<FetchedPage<ListedPage>> =>
    runWithRetry(
      async (attempts) => {
        const authorization = await credentials.authorization(pageSignal);
        const response = await client.getJson(
          path,
          { pageSize, pageToken },
          authorization,
          { clusterId, page },
          pageSignal,
        );
        let nextPageToken: string | undefined;
        try {
          nextPageToken = readNextPageToken(response.body);
        } catch (error) {
          throw shapeFailure(error, clusterId, page, response.requestId);
        }
        return { body: { response, attempts }, nextPageToken };
      },
      {
        policy: request.retry,
        budget,
        signal: pageSignal,
        label: `cluster ${clusterId} page ${page}`,
        log,
        random: environment.random,
      },
    );

  const selection = new BackupSelection(request.filter, request.limit);
  for await (const { page, body } of paginate(fetchPage, { clusterId, maxPages: request.maxPages, signal })) {
    const { response, attempts } = body;
    let normalized;
    try {
      normalized = normalizePage(response.body);
    } catch (error) {
      throw shapeFailure(error, clusterId, page, response.requestId).toError(attempts);
    }
    selection.add(normalized.entries, normalized.scanned);
    log(
      `listBackups of cluster ${clusterId} page ${page}: ${normalized.scanned} backups` +
        ` (${normalized.entries.length} finished), ${attempts === 1 ? "1 attempt" : `${attempts} attempts`}` +
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

function shapeFailure(
  error: unknown,
  clusterId: string,
  page: number,
  requestId: string | undefined,
): AttemptFailure {
  if (!(error instanceof PageShapeError)) throw error;
  return new AttemptFailure(
    "a page of the wrong shape",
    false,
    (attempts) =>
      new MalformedResponseError({
        problem: error.problem,
        field: error.field,
        clusterId,
        page,
        attempts,
        requestId,
      }),
  );
}
