/** The `install_packages` tool: installs packages for the connection's tenant, with download progress streamed, and says what was installed. */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { errorMessage } from "../../protocol/describe.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { OutputForwarder, type StreamRequest } from "./output-stream.ts";
import { toolFailure } from "./result-format.ts";
import type { InstallPackagesArgs } from "./tools.ts";
import { downloadLine } from "../shared/download-line.ts";

/**
 * Installs `args.packages` for every session of this connection. A package that cannot be
 * had (unknown, no compatible wheel, its source unreachable, a bad checksum) is a result
 * with `isError` and the daemon's reason, which names the package and what to do.
 */
export async function installPackages(client: DaemonClient, args: InstallPackagesArgs, stream: StreamRequest): Promise<CallToolResult> {
  const progress = new OutputForwarder(stream);
  try {
    const result = await client.installPackages(
      { requirements: args.packages as [string, ...string[]] },
      { onProgress: progress.wanted ? (p) => progress.status(downloadLine(p.package, p.done_bytes, p.total_bytes, p.done)) : undefined },
    );
    await progress.finish();
    const installed = result.installed.map((p) => ({ name: p.name, version: p.version }));
    const list = installed.map((p) => `${p.name} ${p.version}`).join(", ");
    return {
      content: [{ type: "text", text: `Installed ${list}. Import them in run_python; every session of this connection has them from its next run.` }],
      structuredContent: { installed },
    };
  } catch (error) {
    await progress.finish();
    return toolFailure(`install_packages failed: ${errorMessage(error)}`);
  }
}
