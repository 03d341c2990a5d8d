/** Where the bearer token of every request comes from. */
export interface TokenSource {
  /** Names the source for logs and errors, e.g. `token argument` or `YC_TOKEN`; never the token. */
  readonly description: string;
  /** The value of the Authorization header. */
  authorization(signal?: AbortSignal): Promise<string>;
}
