/** The command line: parses flags with yargs and starts the REPL, the bare daemon or a bridge. */
import { DEFAULTS, seconds } from "../protocol/defaults.ts";
import yargs from "yargs";
import { expandHome } from "../daemon/daemon-options.ts";
import { setLogLevel, type LogLevel } from "../daemon/log.ts";
import { WOMA_VERSION } from "../protocol/version.ts";
import { daemonFlags, daemonOptionsFrom, exitAfterFlush, ownFlags, TENANT_IDLE_SECONDS } from "./daemon-flags.ts";
import { serveCommand } from "./serve-command.ts";
import { mcpCommand } from "./mcp-command.ts";
import { packagesCommand } from "./packages-command.ts";
import { jupyterCommand } from "./jupyter-command.ts";
import { describeFailure, UsageError } from "./usage-error.ts";

/** Parses `argv` (without the program name) and runs the chosen command. */
export async function main(argv: string[]): Promise<void> {
  await yargs(argv)
    .scriptName("woma")
    .version(WOMA_VERSION)
    .strict()
    // Flags keep their dashed names only: camel-case copies would make yargs name every unknown flag twice.
    .parserConfiguration({ "camel-case-expansion": false })
    .middleware((args) => {
      const level = args["log-level"] as LogLevel | undefined;
      // The REPL keeps the terminal for Python: only warnings and errors by default.
      setLogLevel(level ?? (args._.length === 0 ? "warn" : "info"));
    })
    .command(
      "$0",
      "Interactive Python (the REPL), with Python's >>> prompt; reads piped input too",
      (y) =>
        daemonFlags(ownFlags(y, "REPL:", ["reset-globals", "connect", "session", "tenant", "output-dir", "inline-images"]))
          .option("reset-globals", { type: "boolean", default: false, describe: "Run each input in fresh globals, thrown away afterwards" })
          .option("connect", { type: "string", describe: "Use the daemon listening on this Unix socket instead of starting one" })
          .option("session", { type: "string", describe: "Use (or create) the session of this name and keep it at exit, to come back to it with --connect" })
          .option("tenant", { type: "string", describe: "With --connect: the tenant to act for (REPLs naming the same tenant share its sessions; default \"repl\" with --session, else one of this REPL's own)" })
          .option("output-dir", { type: "string", describe: "Directory where images a run displays (plots, _repr_png_) are written; the path is printed (default: a new temporary directory)" })
          .option("inline-images", { choices: ["auto", "kitty", "iterm", "off"] as const, default: "off" as const, describe: "Also draw images in the terminal, with kitty's or iTerm2's protocol (auto: from the terminal's environment)" }),
      async (args) => {
        // Each command loads only its own modules, so the REPL does not pay for the bridges.
        const { openDaemon } = await import("./embedded-daemon.ts");
        const daemon = await openDaemon(daemonOptionsFrom(args, { timeoutSeconds: 0, spares: 0 }), args.connect);
        const { runRepl } = await import("../clients/repl/repl.ts");
        const { detectInlineImages } = await import("../clients/repl/display.ts");
        const inlineImages = args["inline-images"] === "auto" ? detectInlineImages(process.env) : args["inline-images"];
        const code = await runRepl(daemon.client, {
          resetGlobals: args["reset-globals"],
          embedded: daemon.embedded,
          inlineImages,
          ...(args.session ? { session: args.session } : {}),
          ...(args.tenant ? { tenant: args.tenant } : {}),
          ...(args["output-dir"] ? { outputDir: args["output-dir"] } : {}),
        });
        await daemon.close();
        exitAfterFlush(code);
      },
    )
    .command(
      "daemon",
      "The bare daemon: JSON-RPC on stdio or on a Unix socket",
      (y) =>
        daemonFlags(ownFlags(y, "Daemon:", ["stdio", "socket", "operator-socket"]))
          .option("stdio", { type: "boolean", describe: "Speak JSON-RPC on stdin/stdout" })
          .option("socket", { type: "string", describe: "Listen on this Unix socket path (created owner-only)" })
          .option("operator-socket", { type: "string", describe: "With --socket: also listen on this Unix socket (created owner-only) for the operator, whose connections may ask for every tenant's figures (daemon/tenants)" })
          .check((args) => {
            if (Boolean(args.stdio) === Boolean(args.socket)) throw new UsageError("give exactly one of --stdio or --socket PATH");
            if (args["operator-socket"] !== undefined && !args.socket) throw new UsageError("--operator-socket goes with --socket PATH");
            return true;
          }),
      async (args) => {
        const options = daemonOptionsFrom(args, { timeoutSeconds: seconds(DEFAULTS.daemonTimeoutMs), spares: args.socket ? 1 : 0, tenantIdleTimeoutSeconds: args.socket ? TENANT_IDLE_SECONDS : 0 });
        const { serveDaemon } = await import("../daemon/serve.ts");
        const operatorSocket = args["operator-socket"] === undefined ? {} : { operatorSocket: expandHome(args["operator-socket"]) };
        await serveDaemon(options, args.socket ? { kind: "socket", path: expandHome(args.socket), ...operatorSocket } : { kind: "stdio" });
        exitAfterFlush(0);
      },
    )
    // REST bridge command (`woma serve`): cli/serve-command.ts, registered on the next line.
    .command(serveCommand)
    // MCP server command (`woma mcp`): cli/mcp-command.ts, registered on the next line.
    .command(mcpCommand)
    // Package cache commands (`woma packages list|fetch|mirror`): cli/packages-command.ts.
    .command(packagesCommand)
    // Jupyter kernel and kernelspecs (`woma jupyter install|list|uninstall|kernel`): cli/jupyter-command.ts.
    .command(jupyterCommand)
    .help()
    .alias("h", "help")
    .fail((message, error) => {
      const { text, code } = describeFailure(argv, message ?? undefined, error ?? undefined);
      process.stderr.write(text);
      process.exit(code);
    })
    .parseAsync();
}
