import { BackupLookupError } from "./backup-lookup-error";

/** An argument was refused before any request was sent. */
export class InvalidArgumentError extends BackupLookupError {
  /** The argument's name as the caller spelled it, e.g. `clusterId` or `retry.retries`. */
  readonly argument: string;
  /** For an argument that holds a document (a service-account key), the field of it that is wrong. */
  readonly field?: string;

  constructor(argument: string, problem: string, field?: string) {
    super(`invalid argument ${argument}: ${field === undefined ? "" : `field ${field} `}${problem}`);
    this.argument = argument;
    this.field = field;
  }
}
