import net from "node:net";

/**
 * Test suites may talk to this machine only. Any connection elsewhere — a default endpoint, the VM
 * metadata service at 169.254.169.254 — fails at once instead of leaving the machine, so a test that
 * forgets to point a lookup at the emulator fails loudly rather than sending traffic out.
 */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/;

const connect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;

function targetHost(args: unknown[]): string | undefined {
  const first = args[0];
  if (Array.isArray(first)) return targetHost(first);
  if (typeof first === "object" && first !== null) {
    const options = first as { host?: unknown; path?: unknown };
    if (typeof options.path === "string") return undefined; // a Unix socket or named pipe: local
    return typeof options.host === "string" ? options.host : "localhost";
  }
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    return typeof args[1] === "string" ? args[1] : "localhost";
  }
  return undefined;
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
  const host = targetHost(args);
  if (host !== undefined && !LOOPBACK.test(host.replace(/^\[|\]$/g, ""))) {
    const error = Object.assign(
      new Error(`test guard: connection to ${host} refused (tests reach 127.0.0.1 only)`),
      {
        code: "ECONNREFUSED",
      },
    );
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
} as typeof net.Socket.prototype.connect;
