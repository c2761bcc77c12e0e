/** The bearer token of the HTTP commands (`woma serve`, `woma mcp --port`), from `--token` or the WOMA_TOKEN environment variable. */
import { UsageError } from "./usage-error.ts";

/**
 * The token from `--token`, else from WOMA_TOKEN (better: a flag shows in `ps`); undefined
 * when neither is set. Throws on an empty `--token`; an empty WOMA_TOKEN counts as unset.
 */
export function tokenFrom(flag: string | undefined): string | undefined {
  if (flag !== undefined) {
    if (flag.trim() === "") throw new UsageError("--token must not be empty");
    return flag;
  }
  const env = process.env.WOMA_TOKEN;
  return env === undefined || env.trim() === "" ? undefined : env;
}
