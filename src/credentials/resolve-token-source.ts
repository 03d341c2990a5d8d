import { InvalidArgumentError } from "../errors";
import { ExchangedTokenSource } from "./exchanged-token-source";
import { exchangeForIamToken } from "./iam-exchange";
import { IamTokenCache, processTokenCache } from "./iam-token-cache";
import { DEFAULT_METADATA_ADDRESS, MetadataTokenSource } from "./metadata-token-source";
import { readAuthorizedKey, signServiceAccountJwt } from "./service-account-key";
import { CONFIG_KEYS, type StackConfig } from "./stack-config";
import { checkHeaderSafe, StaticTokenSource } from "./static-token-source";
import { isIamToken } from "./token-kind";
import type { TokenSource } from "./token-source";

export interface CredentialArgs {
  /** An IAM or OAuth token. */
  readonly token?: string;
  /** A service account's authorized key: a path to its JSON file, or the JSON itself. */
  readonly serviceAccountKey?: string;
}

export interface CredentialSettings {
  readonly iamBaseUrl: string;
  readonly env: NodeJS.ProcessEnv;
  readonly config?: StackConfig;
  readonly cache?: IamTokenCache;
}

/**
 * Picks the credential of a lookup; the first source that is set wins:
 * 1. the `token` or `serviceAccountKey` argument (not both);
 * 2. stack config `yandex:serviceAccountKeyFile`, then `yandex:token`;
 * 3. YC_SERVICE_ACCOUNT_KEY_FILE, then YC_TOKEN, then YC_IAM_TOKEN;
 * 4. the VM metadata service (169.254.169.254, or YC_METADATA_ADDR).
 * A key file is read and checked here, before any request.
 */
export function resolveTokenSource(args: CredentialArgs, settings: CredentialSettings): TokenSource {
  const { env, config } = settings;
  const cache = settings.cache ?? processTokenCache;
  const fromToken = (token: string, where: string, secret: boolean): TokenSource => {
    checkHeaderSafe(token, where);
    if (isIamToken(token)) return new StaticTokenSource(token, `${where} (IAM token)`, secret, where);
    const description = `${where} (OAuth token)`;
    return new ExchangedTokenSource(
      description,
      secret,
      IamTokenCache.keyOf("oauth", settings.iamBaseUrl, token),
      cache,
      (context) =>
        exchangeForIamToken(
          settings.iamBaseUrl,
          { yandexPassportOauthToken: token },
          `OAuth token from ${where}`,
          context,
        ),
    );
  };
  const fromKey = (value: string, where: string, secret: boolean): TokenSource => {
    const key = readAuthorizedKey(value, where);
    const description = `${where} (service account ${key.serviceAccountId}, key ${key.id})`;
    return new ExchangedTokenSource(
      description,
      secret,
      IamTokenCache.keyOf(
        "key",
        settings.iamBaseUrl,
        key.id,
        key.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      ),
      cache,
      (context) =>
        exchangeForIamToken(
          settings.iamBaseUrl,
          { jwt: signServiceAccountJwt(key) },
          `service account key ${key.id}`,
          context,
        ),
    );
  };

  if (args.token !== undefined && args.serviceAccountKey !== undefined) {
    throw new InvalidArgumentError("token", "and serviceAccountKey were both given; give one credential");
  }
  if (args.token !== undefined) return fromToken(args.token, "token argument", false);
  if (args.serviceAccountKey !== undefined)
    return fromKey(args.serviceAccountKey, "serviceAccountKey argument", false);

  const configKey = config?.get(CONFIG_KEYS.serviceAccountKeyFile);
  if (configKey)
    return fromKey(
      configKey,
      CONFIG_KEYS.serviceAccountKeyFile,
      config!.isSecret(CONFIG_KEYS.serviceAccountKeyFile),
    );
  const configToken = config?.get(CONFIG_KEYS.token);
  if (configToken) return fromToken(configToken, CONFIG_KEYS.token, config!.isSecret(CONFIG_KEYS.token));

  if (env.YC_SERVICE_ACCOUNT_KEY_FILE)
    return fromKey(env.YC_SERVICE_ACCOUNT_KEY_FILE, "YC_SERVICE_ACCOUNT_KEY_FILE", false);
  if (env.YC_TOKEN) return fromToken(env.YC_TOKEN, "YC_TOKEN", false);
  if (env.YC_IAM_TOKEN)
    return new StaticTokenSource(env.YC_IAM_TOKEN, "YC_IAM_TOKEN (IAM token)", false, "YC_IAM_TOKEN");

  const tried = [
    "token argument",
    "serviceAccountKey argument",
    ...(config ? [CONFIG_KEYS.serviceAccountKeyFile, CONFIG_KEYS.token] : []),
    "YC_SERVICE_ACCOUNT_KEY_FILE",
    "YC_TOKEN",
    "YC_IAM_TOKEN",
  ];
  return new MetadataTokenSource(env.YC_METADATA_ADDR || DEFAULT_METADATA_ADDRESS, cache, tried);
}
