import type * as pulumi from "@pulumi/pulumi";

/** The parts of an Output the SDK keeps internal: what a program's engine would see of it. */
interface OutputInternals<T> {
  readonly isKnown: Promise<boolean>;
  readonly isSecret: Promise<boolean>;
  promise(withUnknowns?: boolean): Promise<T>;
}

export interface Settled<T> {
  readonly known: boolean;
  readonly secret: boolean;
  readonly value: T | undefined;
}

export async function settle<T>(output: pulumi.Output<T>): Promise<Settled<T>> {
  const internals = output as unknown as OutputInternals<T>;
  // All three are awaited together so that a failed apply rejects here once, not as an unhandled rejection.
  const [known, secret, value] = await Promise.all([
    internals.isKnown,
    internals.isSecret,
    internals.promise(),
  ]);
  return { known, secret, value: known ? value : undefined };
}
