import { inspect } from "node:util";

/** Everything a person could see of an error: message, stack, own fields, cause chain. */
export function everythingShownOf(error: unknown): string {
  const parts: string[] = [inspect(error, { depth: 10, showHidden: true })];
  if (error instanceof Error) {
    parts.push(error.message, error.stack ?? "", JSON.stringify(error, Object.getOwnPropertyNames(error)));
  }
  return parts.join("\n");
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}
