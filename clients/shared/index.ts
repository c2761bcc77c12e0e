/** The typed client of a woma daemon, as other TypeScript and JavaScript programs import it (`woma/client`); docs/client-library.md shows how. */
export { DaemonClient, type ClientRunOptions } from "./daemon-client.ts";
export { errorCode, failureData, isCancelled, isRuntimeTerminated, isSessionLost, isTimedOut } from "./run-errors.ts";
export { SessionKeeper, type KeptRun, type Recovery, type Refusal, type SessionClient, type SessionKeeperOptions } from "./session-keeper.ts";
export { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
export { PROTOCOL_VERSION } from "../../protocol/version.ts";
export { codePointLength, utf16Index } from "../../protocol/code-points.ts";
export type {
  CheckResult,
  CheckStatus,
  CompleteResult,
  DisplayOutput,
  FileEntry,
  FilesListResult,
  FilesReadResult,
  FilesWriteResult,
  InfoResult,
  InitializeResult,
  InputParams,
  InspectResult,
  MimeBundle,
  OutputNotification,
  RunError,
  RunFailureData,
  RunParams,
  RunResult,
  RunStatus,
  SessionCreateParams,
  SessionInfo,
  SessionOutcome,
  SessionState,
  Stream,
  Truncation,
} from "../../protocol/generated/types.ts";
