import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";

/** Plain JSON properties as they cross the wire (inputs, outputs, state). */
export type PropertyMap = Record<string, unknown>;

/** The input key under which a dynamic resource carries its serialized provider. */
export const PROVIDER_KEY = "__provider";

/** What the engine sends in place of a value that is not known yet (during preview). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A value marked secret, in the wire encoding the engine uses when the receiver accepts secrets. */
export function rpcSecret(value: unknown): PropertyMap {
  return { [SPECIAL_SIG_KEY]: SECRET_SIG, value };
}

/** The properties without `__provider`, for comparing what a provider returned. */
export function withoutProvider(properties: PropertyMap): PropertyMap {
  const rest = { ...properties };
  delete rest[PROVIDER_KEY];
  return rest;
}

/**
 * The engine marshals its property model, which has no `undefined`: a JSON round trip drops such keys the same
 * way (and a Struct cannot hold them).
 */
export function toStruct(properties: PropertyMap): Struct {
  return Struct.fromJavaScript(JSON.parse(JSON.stringify(properties)) as Record<string, JavaScriptValue>);
}

export function fromStruct(struct: Struct | undefined): PropertyMap {
  return struct ? struct.toJavaScript() : {};
}
