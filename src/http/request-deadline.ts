/**
 * Aborts a request when the caller aborts or when its time is up, whichever comes first. One controller
 * and one timer: cheaper than AbortSignal.any over AbortSignal.timeout, which matters once per page.
 */
export class RequestDeadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onAbort?: () => void;
  expired = false;

  constructor(
    timeoutMs: number,
    private readonly outer?: AbortSignal,
  ) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort();
    }, timeoutMs);
    if (outer) {
      this.onAbort = () => this.controller.abort(outer.reason);
      if (outer.aborted) this.onAbort();
      else outer.addEventListener("abort", this.onAbort, { once: true });
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  clear(): void {
    clearTimeout(this.timer);
    if (this.onAbort) this.outer?.removeEventListener("abort", this.onAbort);
  }
}
