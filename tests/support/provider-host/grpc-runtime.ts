import path from "node:path";

type GrpcModule = typeof import("@grpc/grpc-js");

/**
 * The copy of @grpc/grpc-js that @pulumi/pulumi's generated stubs load. Credentials and metadata must come from
 * that same copy, so it is resolved from @pulumi/pulumi's directory rather than from this package's.
 */
function loadPulumiGrpc(): GrpcModule {
  const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
  const grpcPath = require.resolve("@grpc/grpc-js", { paths: [pulumiDir] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path resolved at run time
  return require(grpcPath) as GrpcModule;
}

export const grpc: GrpcModule = loadPulumiGrpc();
