export * from "./dynamic-provider-host";
export { type EngineLogEntry, type LogLevel } from "./fake-engine";
export { PROVIDER_KEY, UNKNOWN_VALUE, rpcSecret, withoutProvider, type PropertyMap } from "./properties";
export { ProviderHostCallError, type ResourceInitFailure } from "./provider-host-call-error";
export { DYNAMIC_RESOURCE_TYPE, dynamicUrn, serializeDynamicProvider } from "./serialize-provider";
