import { randomUUID } from "node:crypto";
import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import { MalformedResponseError, NetworkError, YandexApiError } from "../errors";
import { AttemptFailure } from "../retry/attempt-failure";
import { parseRetryAfter } from "../retry/backoff";
import { isRetryableNetworkCode, isRetryableStatus } from "./retryable-status";
import { readStatusBody } from "./status-body";

/** What a request is for, so its errors can say so. */
export interface RequestContext {
  readonly clusterId: string;
  readonly page: number;
}

export interface JsonResponse {
  readonly body: unknown;
  /** The server's `x-request-id`. */
  readonly requestId?: string;
}

export interface ApiClientOptions {
  /** Base URL every path is appended to, e.g. `https://mdb.api.cloud.yandex.net`. */
  readonly baseUrl: string;
  /** Deadline of one request, connection to last byte, in ms. */
  readonly timeoutMs: number;
  readonly userAgent: string;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * One HTTP attempt against the Yandex Cloud REST API. Every failure comes out as an AttemptFailure that
 * says whether it is worth retrying; the retry loop above decides the rest. Axios errors are never passed
 * on as causes: their config holds the Authorization header.
 */
export class ApiClient {
  private readonly http: AxiosInstance;
  private readonly baseUrl: string;

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.http = axios.create({
      maxRedirects: 0,
      maxContentLength: MAX_BODY_BYTES,
      responseType: "text",
      transformResponse: (data: unknown) => data,
      validateStatus: () => true,
      headers: { Accept: "application/json", "User-Agent": options.userAgent },
    });
  }

  async getJson(
    path: string,
    query: Readonly<Record<string, string | undefined>>,
    authorization: string,
    context: RequestContext,
    signal?: AbortSignal,
  ): Promise<JsonResponse> {
    const clientRequestId = randomUUID();
    const deadline = new RequestDeadline(this.options.timeoutMs, signal);
    let response: AxiosResponse<string>;
    try {
      response = await this.http.get<string>(this.baseUrl + path + queryString(query), {
        headers: { Authorization: authorization, "x-request-id": clientRequestId },
        signal: deadline.signal,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw this.networkFailure(error, deadline.expired, context, clientRequestId);
    } finally {
      deadline.clear();
    }
    const requestId = header(response, "x-request-id");
    if (response.status < 200 || response.status > 299) {
      throw statusFailure(response, requestId, context, clientRequestId);
    }
    try {
      return { body: JSON.parse(response.data), requestId };
    } catch {
      throw new AttemptFailure("a body that is not JSON", true, (attempts) => {
        return new MalformedResponseError({
          problem: `is not valid JSON (${Buffer.byteLength(response.data ?? "")} bytes)`,
          field: "(body)",
          ...context,
          attempts,
          requestId,
        });
      });
    }
  }

  private networkFailure(
    error: unknown,
    timedOut: boolean,
    context: RequestContext,
    clientRequestId: string,
  ): AttemptFailure {
    const e = error as { code?: unknown; message?: unknown };
    const code = timedOut ? "ETIMEDOUT" : typeof e.code === "string" ? e.code : undefined;
    const reason = timedOut
      ? `no response within ${this.options.timeoutMs} ms`
      : `${typeof e.message === "string" ? e.message : "request failed"}${code ? ` (${code})` : ""}`;
    return new AttemptFailure(code ?? "network error", isRetryableNetworkCode(code), (attempts) => {
      return new NetworkError({ reason, code, ...context, attempts, clientRequestId });
    });
  }
}

function statusFailure(
  response: AxiosResponse<string>,
  requestId: string | undefined,
  context: RequestContext,
  clientRequestId: string,
): AttemptFailure {
  const status = readStatusBody(typeof response.data === "string" ? response.data : "");
  const retryable = isRetryableStatus(response.status);
  const retryAfterMs = retryable ? parseRetryAfter(header(response, "retry-after")) : undefined;
  return new AttemptFailure(
    `HTTP ${response.status}`,
    retryable,
    (attempts) =>
      new YandexApiError({
        httpStatus: response.status,
        grpcCode: status.grpcCode,
        apiMessage: status.message,
        requestId: requestId ?? status.requestId,
        clientRequestId,
        ...context,
        attempts,
        retryable,
      }),
    retryAfterMs,
  );
}

/**
 * Aborts a request when the caller aborts or when its time is up, whichever comes first. One controller
 * and one timer: cheaper than AbortSignal.any over AbortSignal.timeout, which matters once per page.
 */
class RequestDeadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onAbort?: () => void;
  expired = false;

  constructor(
    timeoutMs: number,
    private readonly outer?: AbortSignal,
  ) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort();
    }, timeoutMs);
    if (outer) {
      this.onAbort = () => this.controller.abort(outer.reason);
      if (outer.aborted) this.onAbort();
      else outer.addEventListener("abort", this.onAbort, { once: true });
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  clear(): void {
    clearTimeout(this.timer);
    if (this.onAbort) this.outer?.removeEventListener("abort", this.onAbort);
  }
}

function header(response: AxiosResponse, name: string): string | undefined {
  const value: unknown = response.headers[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function queryString(query: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
