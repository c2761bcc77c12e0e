/** Awaiting a daemon request or a package-store call that must fail. */
import { ResponseError } from "vscode-jsonrpc";
import { PackageError } from "../../daemon/packages/package-error.ts";

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

/** Awaits a package-store call that must fail and returns its PackageError; throws if it succeeded or failed otherwise. */
export async function packageFailure(promise: Promise<unknown>): Promise<PackageError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PackageError) return error;
    throw error;
  }
  throw new Error("expected a PackageError, the call succeeded");
}
