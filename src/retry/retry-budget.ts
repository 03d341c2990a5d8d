/** The time a whole lookup may spend retrying, shared by every page request of that lookup. */
export class RetryBudget {
  private readonly deadline: number;

  constructor(
    maxRetryTimeMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.deadline = now() + maxRetryTimeMs;
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - this.now());
  }
}
