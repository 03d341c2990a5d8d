import { InvalidArgumentError } from "../errors";
import type { TokenSource } from "./token-source";

// Printable ASCII without spaces: anything else cannot go into an HTTP header unmangled.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

export function checkHeaderSafe(credential: string, argument: string): void {
  if (!HEADER_SAFE.test(credential)) {
    throw new InvalidArgumentError(argument, "must be printable ASCII without spaces (value not shown)");
  }
}

/** An IAM token used as it is: there is nothing to refresh it from. */
export class StaticTokenSource implements TokenSource {
  private readonly header: string;

  constructor(
    token: string,
    readonly description: string,
    readonly secret: boolean,
    argument: string,
  ) {
    checkHeaderSafe(token, argument);
    this.header = `Bearer ${token}`;
  }

  authorization(): Promise<string> {
    return Promise.resolve(this.header);
  }

  invalidate(): boolean {
    return false;
  }

  toJSON(): Record<string, string> {
    return { description: this.description };
  }
}
