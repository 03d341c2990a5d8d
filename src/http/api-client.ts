import { randomUUID } from "node:crypto";
import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import { parseRetryAfter } from "../retry/backoff";
import { RequestDeadline } from "./request-deadline";
import { RequestFailure } from "./request-failure";
import { isRetryableNetworkCode, isRetryableStatus } from "./retryable-status";
import { readStatusBody } from "./status-body";

export interface JsonResponse {
  readonly body: unknown;
  /** The server's `x-request-id`. */
  readonly requestId?: string;
}

export interface JsonRequest {
  readonly method: "GET" | "POST";
  /** Appended to the base URL. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** E.g. Authorization. Never logged, never kept in an error. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
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
 * One HTTP attempt against a Yandex Cloud REST API. Every failure comes out as a RequestFailure that says
 * whether it is worth retrying; the retry loop above decides the rest. Axios errors are never passed on:
 * their config holds the Authorization header and the request body.
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

  async send(request: JsonRequest): Promise<JsonResponse> {
    const clientRequestId = randomUUID();
    const deadline = new RequestDeadline(this.options.timeoutMs, request.signal);
    let response: AxiosResponse<string>;
    try {
      response = await this.http.request<string>({
        method: request.method,
        url: this.baseUrl + request.path + queryString(request.query),
        data: request.body === undefined ? undefined : JSON.stringify(request.body),
        headers: {
          ...request.headers,
          ...(request.body === undefined ? {} : { "Content-Type": "application/json" }),
          "x-request-id": clientRequestId,
        },
        signal: deadline.signal,
      });
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      throw this.networkFailure(error, deadline.expired, clientRequestId);
    } finally {
      deadline.clear();
    }
    const requestId = header(response, "x-request-id");
    if (response.status < 200 || response.status > 299)
      throw statusFailure(response, requestId, clientRequestId);
    try {
      return { body: JSON.parse(response.data), requestId };
    } catch {
      const size = Buffer.byteLength(response.data ?? "");
      throw new RequestFailure(
        { kind: "body", field: "(body)", problem: `is not valid JSON (${size} bytes)`, requestId },
        true,
      );
    }
  }

  private networkFailure(error: unknown, timedOut: boolean, clientRequestId: string): RequestFailure {
    const e = error as { code?: unknown; message?: unknown };
    const code = timedOut ? "ETIMEDOUT" : typeof e.code === "string" ? e.code : undefined;
    const reason = timedOut
      ? `no response within ${this.options.timeoutMs} ms`
      : `${typeof e.message === "string" ? e.message : "request failed"}${code ? ` (${code})` : ""}`;
    return new RequestFailure(
      { kind: "network", code, reason, clientRequestId },
      isRetryableNetworkCode(code),
    );
  }
}

function statusFailure(
  response: AxiosResponse<string>,
  requestId: string | undefined,
  clientRequestId: string,
): RequestFailure {
  const status = readStatusBody(typeof response.data === "string" ? response.data : "");
  const retryable = isRetryableStatus(response.status);
  return new RequestFailure(
    {
      kind: "status",
      httpStatus: response.status,
      grpcCode: status.grpcCode,
      apiMessage: status.message,
      requestId: requestId ?? status.requestId,
      clientRequestId,
    },
    retryable,
    retryable ? parseRetryAfter(header(response, "retry-after")) : undefined,
  );
}

function header(response: AxiosResponse, name: string): string | undefined {
  const value: unknown = response.headers[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function queryString(query: Readonly<Record<string, string | undefined>> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
