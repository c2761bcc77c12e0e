#!/usr/bin/env node
// Starts woma under the Bun runtime that npm installed as a dependency, passing arguments,
// stdio and the exit status through. Ctrl+C is left to woma, which turns it into an interrupt.
// This is the launcher for Windows (`node bin/woma.cjs ...`), which has no exec: this Node
// process stays beside Bun for woma's whole life. Elsewhere package.json's bin is bin/woma,
// a sh script that execs Bun and leaves nothing behind.
const { spawn } = require("node:child_process");
const path = require("node:path");

let bun;
try {
  bun = require.resolve("bun/bin/bun.exe");
} catch {
  process.stderr.write("woma: the 'bun' package is missing; run 'npm install' in woma's directory\n");
  process.exit(1);
}
const entry = path.join(__dirname, "..", "cli", "main.ts");
const child = spawn(bun, [entry, ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    // SIGINT from a terminal reaches the child directly (same process group); forward the others.
    if (signal !== "SIGINT") child.kill(signal);
  });
}
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
