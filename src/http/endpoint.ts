import { InvalidArgumentError } from "../errors";

export const DEFAULT_API_HOST = "api.cloud.yandex.net";

const HOST_AND_PORT =
  /^(?=.{1,253}(?::\d{1,5})?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(?::(\d{1,5}))?$/;

/** The Yandex Cloud services this package calls, by their host prefix. */
export type YandexService = "mdb" | "iam" | "operation";

export type ServiceUrls = Readonly<Record<YandexService, string>>;

/**
 * Turns an endpoint into the base URL of each service. A bare `host[:port]` is an api-host, as in
 * YC_ENDPOINT (`api.cloud.yandex.net:443`): managed databases live at `https://mdb.<host>`, IAM at
 * `https://iam.<host>`. A URL with a scheme is the base of every service as is, which is how a local
 * emulator is reached.
 */
export function serviceUrls(endpoint: string, argument: string): ServiceUrls {
  const base = baseUrl(endpoint, argument);
  if (base !== undefined) return { mdb: base, iam: base, operation: base };
  return {
    mdb: `https://mdb.${endpoint}`,
    iam: `https://iam.${endpoint}`,
    operation: `https://operation.${endpoint}`,
  };
}

function baseUrl(endpoint: string, argument: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint)) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new InvalidArgumentError(argument, "is not a valid URL");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new InvalidArgumentError(argument, `must use http or https, not ${url.protocol.slice(0, -1)}`);
    }
    if (url.username || url.password)
      throw new InvalidArgumentError(argument, "must not contain credentials");
    if (url.search || url.hash) throw new InvalidArgumentError(argument, "must not have a query or fragment");
    return url.origin + url.pathname.replace(/\/+$/, "");
  }
  checkApiHost(endpoint, argument);
  return undefined;
}

function checkApiHost(endpoint: string, argument: string): void {
  const match = HOST_AND_PORT.exec(endpoint);
  const port = match?.[1] === undefined ? undefined : Number(match[1]);
  if (!match || (port !== undefined && (port < 1 || port > 65535))) {
    throw new InvalidArgumentError(
      argument,
      `must be an api-host such as ${DEFAULT_API_HOST} (optionally with :port) or an http(s) URL, got ${JSON.stringify(endpoint.slice(0, 100))}`,
    );
  }
}
