/**
 * The daemon's checks of what a runner sends, one per method of the contract, from the
 * validators generated ahead of time out of runner.schema.json. Only the daemon loads this:
 * the generated code needs Ajv's runtime, which is not in a runner's sandbox (a runner
 * loads only what `runnerCommand()` binds into it).
 */
import * as validators from "./generated/runner-validators.ts";
import { RUNNER_METHODS } from "./runner-protocol.ts";

/** A validator compiled ahead of time from the schema: true or false, with Ajv's errors on itself. */
export type RunnerValidator = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string }> | null };

/**
 * The check of what a runner may send for each method: the result of a request the daemon
 * makes, the params of a request or notification the runner makes.
 */
export const RUNNER_VALIDATORS: ReadonlyMap<string, RunnerValidator> = new Map(
  // A notification of the daemon's (runner/interrupt) has nothing a runner sends back.
  Object.entries(RUNNER_METHODS)
    .filter(([, entry]) => entry.from === "runner" || !entry.notification)
    .map(([method, entry]) => {
      const definition = entry.from === "daemon" ? entry.result : entry.params;
      const validate = definition === undefined ? undefined : (validators as unknown as Record<string, RunnerValidator | undefined>)[definition];
      if (!validate) throw new Error(`runner.schema.json: no validator for ${method} (${definition ?? "nothing to check"}); run \`npm run schema:gen\``);
      return [method, validate];
    }),
);
