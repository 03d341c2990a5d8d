import * as pulumi from "@pulumi/pulumi";

/**
 * The `__provider` input `pulumi.dynamic.Resource` gives a provider: the same SDK call (serializeFunction of a
 * thunk returning the provider, secrets allowed) and the module text it produces.
 */
export async function serializeDynamicProvider(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}

export const DYNAMIC_RESOURCE_TYPE = "pulumi-nodejs:dynamic:Resource";

/** `urn:pulumi:<stack>::<project>::pulumi-nodejs:dynamic:Resource::<name>` */
export function dynamicUrn(name: string, stack = "dev", project = "test"): string {
  return `urn:pulumi:${stack}::${project}::${DYNAMIC_RESOURCE_TYPE}::${name}`;
}
