import { InvalidArgumentError } from "../errors";
import type { TokenSource } from "./token-source";

// Printable ASCII without spaces: anything else cannot go into an HTTP header unmangled.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** An IAM token given as is, from an argument or the environment. */
export class StaticTokenSource implements TokenSource {
  private readonly header: string;

  constructor(
    token: string,
    readonly description: string,
  ) {
    if (!HEADER_SAFE.test(token)) {
      throw new InvalidArgumentError(description, "must be printable ASCII without spaces (value not shown)");
    }
    this.header = `Bearer ${token}`;
  }

  authorization(): Promise<string> {
    return Promise.resolve(this.header);
  }

  toJSON(): Record<string, string> {
    return { description: this.description };
  }
}
