import { BackupLookupError } from "./backup-lookup-error";

/** An argument was refused before any request was sent. */
export class InvalidArgumentError extends BackupLookupError {
  /** The argument's name as the caller spelled it, e.g. `clusterId` or `retry.retries`. */
  readonly argument: string;

  constructor(argument: string, problem: string) {
    super(`invalid argument ${argument}: ${problem}`);
    this.argument = argument;
  }
}
