/** A tool call's arguments against the tool's own input schema, with a message that names the argument, what was expected and what arrived. */
import { describe, expect, test } from "bun:test";
import { defaultMcpOptions } from "../../clients/mcp/mcp-options.ts";
import { checkArguments } from "../../clients/mcp/tool-arguments.ts";
import { toolDefinitions, ToolNames, type RunPythonArgs } from "../../clients/mcp/tools.ts";

const tools = toolDefinitions(defaultMcpOptions());
const tool = (name: string) => tools.find((t) => t.name === name)!;
const problem = (name: string, args: Record<string, unknown> | undefined) => {
  const check = checkArguments(tool(name), args);
  return check.ok ? undefined : check.problem;
};

describe("checkArguments", () => {
  test("valid arguments come back typed", () => {
    const check = checkArguments<RunPythonArgs>(tool(ToolNames.runPython), { code: "1+1", session: "main", timeout_seconds: 2 });
    expect(check).toEqual({ ok: true, args: { code: "1+1", session: "main", timeout_seconds: 2 } });
  });

  test.each([
    [ToolNames.runPython, {}, 'argument "code" is required'],
    [ToolNames.runPython, undefined, 'argument "code" is required'],
    [ToolNames.runPython, { code: 5 }, 'argument "code" must be a string, got the number 5'],
    [ToolNames.runPython, { code: "1", colour: "red" }, 'unknown argument "colour"; run_python takes "code", "session", "timeout_seconds", "reset_globals", "stdin"'],
    [ToolNames.runPython, { code: "1", session: "no spaces" }, `argument "session" must be 1 to 64 letters, digits, '.', '_' or '-', got the string "no spaces"`],
    [ToolNames.runPython, { code: "1", timeout_seconds: 0 }, 'argument "timeout_seconds" must be more than 0, got the number 0'],
    [ToolNames.runPython, { code: "1", reset_globals: "yes" }, 'argument "reset_globals" must be a boolean, got the string "yes"'],
    [ToolNames.runPython, { code: ["print(1)"] }, 'argument "code" must be a string, got an array'],
    [ToolNames.runPython, { code: "x".repeat(50), session: "y".repeat(80) }, `argument "session" must be 1 to 64 letters, digits, '.', '_' or '-', got a string of 80 characters`],
    [ToolNames.listSessions, { all: true }, 'unknown argument "all"; list_sessions takes no arguments'],
    [ToolNames.resetSession, { session: null }, 'argument "session" must be a string, got null'],
    [ToolNames.closeSession, {}, 'argument "session" is required'],
  ])("%s %j: %s", (name, args, expected) => {
    expect(problem(name, args as Record<string, unknown> | undefined)).toBe(expected);
  });
});
