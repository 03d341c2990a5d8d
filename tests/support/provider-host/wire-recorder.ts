import type { Interceptor, StatusObject } from "@grpc/grpc-js";
import { grpc } from "./grpc-runtime";

interface ProtobufMessage {
  toObject(): unknown;
}

function isProtobufMessage(value: unknown): value is ProtobufMessage {
  return typeof (value as Partial<ProtobufMessage> | null)?.toObject === "function";
}

function textOf(message: unknown): string {
  return JSON.stringify(isProtobufMessage(message) ? message.toObject() : message);
}

/** `/pulumirpc.ResourceProvider/Check` → `Check` */
function methodName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * Records every message crossing a client channel as one line of text: `<Method> <request|response|error>
 * <JSON>`. The JSON is the protobuf message's `toObject()` form, so every string field appears verbatim (JSON
 * escaping aside).
 */
export class WireRecorder {
  readonly entries: string[] = [];

  readonly interceptor: Interceptor = (options, nextCall) => {
    const method = methodName(options.method_definition.path);
    return new grpc.InterceptingCall(nextCall(options), {
      sendMessage: (message: unknown, next: (message: unknown) => void) => {
        this.entries.push(`${method} request ${textOf(message)}`);
        next(message);
      },
      start: (metadata, _listener, next) => {
        next(metadata, {
          onReceiveMessage: (message: unknown, nextMessage: (message: unknown) => void) => {
            this.entries.push(`${method} response ${textOf(message)}`);
            nextMessage(message);
          },
          onReceiveStatus: (status: StatusObject, nextStatus: (status: StatusObject) => void) => {
            if (status.code !== grpc.status.OK) {
              this.entries.push(
                `${method} error ${JSON.stringify({ code: status.code, details: status.details })}`,
              );
            }
            nextStatus(status);
          },
        });
      },
    });
  };
}
