/** Types of the non-code files woma imports: text (Python source) and embedded files (paths). */

/** Python source imported `with { type: "text" }`. */
declare module "*.py" {
  const text: string;
  export default text;
}

/** Files imported `with { type: "file" }`: the path to read them from (inside the binary when compiled). */
declare module "*.wasm" {
  const path: string;
  export default path;
}
declare module "*.zip" {
  const path: string;
  export default path;
}
declare module "pyodide/pyodide.asm.mjs" {
  const path: string;
  export default path;
}
