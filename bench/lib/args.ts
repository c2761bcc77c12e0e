/** Command-line flags of the bench scripts: node:util's parseArgs with `--help`, and a usage line instead of a stack trace for a bad flag. */
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses the process's flags with `options`. `--help` (or `-h`) prints `usage` and exits 0;
 * an unknown flag or a missing value prints what was wrong and `usage`, and exits 2.
 */
export function benchArgs<const O extends Options>(usage: string, options: O) {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`usage: ${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ args: argv, options, allowPositionals: false });
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\nusage: ${usage}\n`);
    process.exit(2);
  }
}
