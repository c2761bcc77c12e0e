/** Inputs that broke the daemon once, shared by the unit, integration and fuzz tests. */

/** Every `$/cancelRequest` or `$/progress` shape that used to throw inside vscode-jsonrpc's reader callback. */
export const HOSTILE_NOTIFICATIONS: Array<[string, Record<string, unknown>]> = [
  ["$/cancelRequest without params", { jsonrpc: "2.0", method: "$/cancelRequest" }],
  ["$/cancelRequest with {}", { jsonrpc: "2.0", method: "$/cancelRequest", params: {} }],
  ["$/cancelRequest with []", { jsonrpc: "2.0", method: "$/cancelRequest", params: [] }],
  ["$/cancelRequest with id null", { jsonrpc: "2.0", method: "$/cancelRequest", params: { id: null } }],
  ["$/cancelRequest with an object id", { jsonrpc: "2.0", method: "$/cancelRequest", params: { id: { toString: 1 } } }],
  ["$/cancelRequest with a boolean id", { jsonrpc: "2.0", method: "$/cancelRequest", params: { id: true } }],
  ["$/cancelRequest with an array id", { jsonrpc: "2.0", method: "$/cancelRequest", params: { id: [1] } }],
  ["$/progress without params", { jsonrpc: "2.0", method: "$/progress" }],
];
