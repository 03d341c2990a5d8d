import { CredentialsError } from "../errors";
import { ApiClient } from "../http/api-client";
import { RequestFailure } from "../http/request-failure";
import { runWithRetry } from "../retry/run-with-retry";
import { exchangeError, readIssuedToken } from "./iam-exchange";
import { IamTokenCache } from "./iam-token-cache";
import type { TokenContext, TokenSource } from "./token-source";

export const DEFAULT_METADATA_ADDRESS = "169.254.169.254";
const TOKEN_PATH = "/computeMetadata/v1/instance/service-accounts/default/token";
/** Off a cloud VM nothing answers there: give up quickly rather than after the lookup's own timeout. */
const METADATA_TIMEOUT_MS = 1500;
/** Failures that mean "there is no metadata service here", not "it is having a bad moment". */
const ABSENT = new Set([
  "ECONNREFUSED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EADDRNOTAVAIL",
]);

/** The token of the VM's service account, from the metadata service; the last source tried. */
export class MetadataTokenSource implements TokenSource {
  readonly secret = false;
  readonly description: string;
  private readonly cacheKey: string;

  constructor(
    private readonly address: string,
    private readonly cache: IamTokenCache,
    /** Every source looked at before this one, for the error when this one fails too. */
    private readonly sourcesTried: readonly string[],
  ) {
    this.description = `VM metadata service at ${address}`;
    this.cacheKey = IamTokenCache.keyOf("metadata", address);
  }

  authorization(context: TokenContext): Promise<string> {
    return this.cache.authorization(this.cacheKey, () => this.fetchToken(context));
  }

  invalidate(authorization: string): boolean {
    this.cache.invalidate(this.cacheKey, authorization);
    return true;
  }

  private async fetchToken(context: TokenContext) {
    const client = new ApiClient({
      baseUrl: `http://${this.address}`,
      timeoutMs: Math.min(METADATA_TIMEOUT_MS, context.timeoutMs),
      userAgent: context.userAgent,
    });
    const tried = [...this.sourcesTried, this.description];
    const response = await runWithRetry(
      async () => {
        try {
          return await client.send({
            method: "GET",
            path: TOKEN_PATH,
            headers: { "Metadata-Flavor": "Google" },
            signal: context.signal,
          });
        } catch (error) {
          // Nothing listening is an answer, not a fault: retrying it would only slow the error down.
          if (error instanceof RequestFailure && isAbsent(error))
            throw new RequestFailure(error.facts, false);
          throw error;
        }
      },
      {
        ...context,
        label: this.description,
        toError: (failure: RequestFailure, attempts) => {
          if (isAbsent(failure)) {
            return new CredentialsError(
              "no Yandex Cloud credentials found: set one of the sources looked at",
              tried,
            );
          }
          return exchangeError(this.description, failure, attempts);
        },
      },
    );
    const issued = readIssuedToken(response.body, "access_token", this.description, (body) =>
      typeof body.expires_in === "number" ? Date.now() + body.expires_in * 1000 : NaN,
    );
    context.log(`credentials: token from the ${this.description}`);
    return issued;
  }

  toJSON(): Record<string, string> {
    return { description: this.description };
  }
}

function isAbsent(failure: RequestFailure): boolean {
  const f = failure.facts;
  return f.kind === "network" && f.code !== undefined && ABSENT.has(f.code);
}
