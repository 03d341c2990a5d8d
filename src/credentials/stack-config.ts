/** Read access to the Pulumi stack's configuration, as the program or the provider host sees it. */
export interface StackConfig {
  get(key: string): string | undefined;
  /** Whether the key was set with `pulumi config set --secret`. */
  isSecret(key: string): boolean;
}

/** The keys the archived pulumi-yandex provider used, so existing stacks work unchanged. */
export const CONFIG_KEYS = {
  token: "yandex:token",
  serviceAccountKeyFile: "yandex:serviceAccountKeyFile",
  endpoint: "yandex:endpoint",
} as const;
