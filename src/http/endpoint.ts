import { InvalidArgumentError } from "../errors";

export const DEFAULT_API_HOST = "api.cloud.yandex.net";

const HOST_AND_PORT =
  /^(?=.{1,253}(?::\d{1,5})?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(?::(\d{1,5}))?$/;

/**
 * Turns an endpoint into the base URL of the managed-database API. A bare `host[:port]` is an api-host,
 * as in YC_ENDPOINT (`api.cloud.yandex.net:443`): the service lives at `https://mdb.<host>`. A URL with a
 * scheme is taken as the base itself, which is how a local emulator is reached.
 */
export function managedDatabaseBaseUrl(endpoint: string, argument: string): string {
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
  const match = HOST_AND_PORT.exec(endpoint);
  const port = match?.[1] === undefined ? undefined : Number(match[1]);
  if (!match || (port !== undefined && (port < 1 || port > 65535))) {
    throw new InvalidArgumentError(
      argument,
      `must be an api-host such as ${DEFAULT_API_HOST} (optionally with :port) or an http(s) URL, got ${JSON.stringify(endpoint.slice(0, 100))}`,
    );
  }
  return `https://mdb.${endpoint}`;
}
