/** The base of every error this package throws on purpose; catch it to handle them all. */
export class BackupLookupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
