/** The `woma` command: the REPL by default, `serve`, `mcp`, `daemon`, and the internal `__runner`. */
export {};
if (process.argv[2] === "__runner") {
  // Runners start on every boot of a runner process: skip argument parsing and load only what they need.
  const { runRunner } = await import("../daemon/runner/runner-main.ts");
  runRunner();
} else {
  const { main } = await import("./commands.ts");
  await main(process.argv.slice(2));
}
