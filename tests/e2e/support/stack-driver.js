"use strict";
// Runs one Pulumi operation on a stack whose program runs inline in this process, through the real
// Pulumi CLI (on PATH) and @pulumi/pulumi/automation. It is copied into a program directory where the
// package was installed from its tarball, so every module it loads is that directory's own.
// Usage: node stack-driver.js '<json request>'; prints one JSON line with the result.
const fs = require("node:fs");
const path = require("node:path");
const { LocalWorkspace } = require("@pulumi/pulumi/automation");

async function main() {
  const request = JSON.parse(process.argv[2]);
  const program = async () => require(path.resolve(request.program));
  // One workspace directory per project, inside the program directory so that the engine's plugins
  // (started there) resolve this directory's node_modules.
  const workDir = path.join(process.cwd(), "workspaces", request.project);
  fs.mkdirSync(workDir, { recursive: true });
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: request.stack, projectName: request.project, program },
    { workDir, projectSettings: { name: request.project, runtime: "nodejs" } },
  );
  for (const [key, value] of Object.entries(request.config || {})) {
    await stack.setConfig(key, {
      value: String(value),
      secret: Boolean(request.secretConfig?.includes(key)),
    });
  }
  let output = "";
  const events = [];
  const options = {
    onOutput: (text) => (output += text),
    onEvent: (event) => events.push(event),
    color: "never",
    ...(request.expectNoChanges ? { expectNoChanges: true } : {}),
  };
  const result = { ok: true };
  try {
    switch (request.command) {
      case "preview":
        result.summary = (await stack.preview({ ...options, diff: true })).changeSummary;
        break;
      case "up":
        result.summary = (await stack.up(options)).summary.resourceChanges;
        result.outputs = unwrap(await stack.outputs());
        break;
      case "refresh":
        result.summary = (await stack.refresh(options)).summary.resourceChanges;
        result.outputs = unwrap(await stack.outputs());
        break;
      case "export":
        result.deployment = await stack.exportStack();
        break;
      default:
        throw new Error(`unknown command ${request.command}`);
    }
  } catch (error) {
    result.ok = false;
    result.error = String(error && error.message ? error.message : error);
  }
  result.output = output;
  result.stackOutputs = stackOutputsOf(events);
  result.steps = events
    .filter((e) => e.resourcePreEvent)
    .map((e) => ({
      op: e.resourcePreEvent.metadata.op,
      type: e.resourcePreEvent.metadata.type,
      urn: e.resourcePreEvent.metadata.urn,
    }));
  process.stdout.write(JSON.stringify(result) + "\n");
}

function unwrap(outputs) {
  const plain = {};
  for (const [key, value] of Object.entries(outputs)) plain[key] = value.value;
  return plain;
}

/** The stack's outputs as the engine reported them for this operation (in preview: what it would export). */
function stackOutputsOf(events) {
  let outputs;
  for (const event of events) {
    const meta = (event.resOutputsEvent || event.resourcePreEvent)?.metadata;
    if (meta && meta.type === "pulumi:pulumi:Stack" && meta.new && meta.new.outputs)
      outputs = meta.new.outputs;
  }
  return outputs;
}

main().catch((error) => {
  process.stdout.write(
    JSON.stringify({ ok: false, error: String(error && error.stack ? error.stack : error) }) + "\n",
  );
  process.exitCode = 1;
});
