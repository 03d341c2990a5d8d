import type { sendUnaryData, ServerUnaryCall } from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { LogSeverity, type LogRequest } from "@pulumi/pulumi/proto/engine_pb";
import { grpc } from "./grpc-runtime";

export type LogLevel = "debug" | "info" | "warning" | "error";

/** One `pulumi.log.*` call that reached the engine. */
export interface EngineLogEntry {
  readonly severity: LogLevel;
  readonly message: string;
  readonly urn: string;
  readonly streamId: number;
  readonly ephemeral: boolean;
}

const LEVELS: Record<LogSeverity, LogLevel> = {
  [LogSeverity.DEBUG]: "debug",
  [LogSeverity.INFO]: "info",
  [LogSeverity.WARNING]: "warning",
  [LogSeverity.ERROR]: "error",
};

export interface FakeEngine {
  /** `127.0.0.1:<port>` */
  readonly address: string;
  readonly logs: EngineLogEntry[];
  close(): void;
}

/** An Engine gRPC service that only records `Log` calls; everything else answers UNIMPLEMENTED. */
export async function startFakeEngine(): Promise<FakeEngine> {
  const logs: EngineLogEntry[] = [];
  const server = new grpc.Server();
  const unimplemented = (_call: unknown, callback: sendUnaryData<never>): void =>
    callback({ code: grpc.status.UNIMPLEMENTED, details: "not implemented by the test engine" });
  server.addService(EngineService, {
    log(call: ServerUnaryCall<LogRequest, Empty>, callback: sendUnaryData<Empty>) {
      const request = call.request;
      logs.push({
        severity: LEVELS[request.getSeverity()],
        message: request.getMessage(),
        urn: request.getUrn(),
        streamId: request.getStreamid(),
        ephemeral: request.getEphemeral(),
      });
      callback(null, new Empty());
    },
    getRootResource: unimplemented,
    setRootResource: unimplemented,
    startDebugging: unimplemented,
    requirePulumiVersion: unimplemented,
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, boundPort) =>
      error ? reject(error) : resolve(boundPort),
    );
  });
  return {
    address: `127.0.0.1:${port}`,
    logs,
    close: () => server.forceShutdown(),
  };
}
