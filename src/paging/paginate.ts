import { PaginationError } from "../errors";

export interface FetchedPage<T> {
  readonly body: T;
  /** Empty or absent on the last page. */
  readonly nextPageToken?: string;
}

export interface PageRequest {
  /** 1-based. */
  readonly page: number;
  /** Absent for the first page. */
  readonly pageToken?: string;
  readonly signal: AbortSignal;
}

export interface Paged<T> {
  readonly page: number;
  readonly body: T;
}

export interface PaginateOptions {
  /** Names the listing in errors. */
  readonly clusterId: string;
  /** Pages beyond this many are refused rather than read. */
  readonly maxPages: number;
  readonly signal?: AbortSignal;
}

/**
 * Follows `nextPageToken` to the end of a listing, yielding each page's body in order. A token that any
 * earlier page already returned, or a listing longer than maxPages, stops it with a PaginationError:
 * both mean the listing cannot be read whole, and a partial one must not pass for it.
 *
 * The next page is requested as soon as its token is known, before the current page is yielded, so the
 * consumer's work on a page overlaps the next request. Stopping early cancels that request.
 */
export async function* paginate<T>(
  fetchPage: (request: PageRequest) => Promise<FetchedPage<T>>,
  options: PaginateOptions,
): AsyncGenerator<Paged<T>, void, undefined> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const tokenFrom = new Map<string, number>();
  let page = 1;
  let pending = fetchPage({ page, signal });
  try {
    for (;;) {
      const current = await pending;
      const token = current.nextPageToken;
      let next: Promise<FetchedPage<T>> | undefined;
      if (token) {
        const earlier = tokenFrom.get(token);
        if (earlier !== undefined) {
          throw new PaginationError({
            clusterId: options.clusterId,
            page,
            reason: "repeated-token",
            detail: `page ${page} returned the same nextPageToken as page ${earlier}, so the listing would loop`,
          });
        }
        if (page >= options.maxPages) {
          throw new PaginationError({
            clusterId: options.clusterId,
            page,
            reason: "max-pages",
            detail: `the listing has more than maxPages (${options.maxPages}) pages`,
          });
        }
        tokenFrom.set(token, page);
        next = fetchPage({ page: page + 1, pageToken: token, signal });
        // Observed here so a failure while the consumer is still busy is not reported as unhandled.
        next.catch(() => undefined);
        // The HTTP client takes a few promise hops before the request reaches the socket; let them run,
        // or the consumer's synchronous work on this page would hold the request back.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      yield { page, body: current.body };
      if (!next) return;
      pending = next;
      page += 1;
    }
  } finally {
    stop.abort();
  }
}
