import { CredentialsError } from "../errors";
import { StaticTokenSource } from "./static-token-source";
import type { TokenSource } from "./token-source";

/**
 * Picks the credential for a lookup: the `token` argument, else YC_TOKEN. The first one set wins; with
 * none set the lookup fails before any request, naming every place looked at.
 */
export function resolveTokenSource(token: string | undefined, env: NodeJS.ProcessEnv): TokenSource {
  if (token !== undefined) return new StaticTokenSource(token, "token argument");
  const fromEnv = env.YC_TOKEN;
  if (fromEnv) return new StaticTokenSource(fromEnv, "YC_TOKEN");
  throw new CredentialsError("no Yandex Cloud credentials found; pass token or set YC_TOKEN", [
    "token argument",
    "YC_TOKEN",
  ]);
}
