/** The misbehaving Python programs in test/fixtures/. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The text of a Python file in test/fixtures/. */
export function fixture(name: string): string {
  return readFileSync(join(import.meta.dir, "..", "fixtures", name), "utf8");
}
