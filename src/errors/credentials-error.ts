import { BackupLookupError } from "./backup-lookup-error";

/** No credential could be found, or a credential could not be used. Never carries the credential itself. */
export class CredentialsError extends BackupLookupError {
  /** Every source that was looked at, in order. */
  readonly sourcesTried: readonly string[];

  constructor(message: string, sourcesTried: readonly string[]) {
    super(sourcesTried.length ? `${message} (looked at: ${sourcesTried.join(", ")})` : message);
    this.sourcesTried = sourcesTried;
  }
}
