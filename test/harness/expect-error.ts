/** Awaiting a daemon request that must fail. */
import { ResponseError } from "vscode-jsonrpc";

/** Awaits a daemon request that must fail and returns its JSON-RPC error; throws if it succeeded or failed otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ResponseError) return error;
    throw error;
  }
  throw new Error("expected the request to fail, it succeeded");
}
