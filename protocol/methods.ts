/** Every JSON-RPC method of woma's protocol, declared once for the daemon and its clients. */
import { NotificationType, RequestType } from "vscode-jsonrpc";
import type {
  CheckParams,
  CheckResult,
  CompleteParams,
  CompleteResult,
  DisplayNotification,
  FilesDeleteParams,
  FilesDeleteResult,
  FilesListParams,
  FilesListResult,
  FilesReadParams,
  FilesReadResult,
  FilesWriteParams,
  FilesWriteResult,
  InfoParams,
  InfoResult,
  InitializeParams,
  InitializeResult,
  InputParams,
  InputResult,
  InspectParams,
  InspectResult,
  MetricsParams,
  MetricsResult,
  OutputNotification,
  PackagesInstallParams,
  PackagesInstallResult,
  PackagesListParams,
  PackagesListResult,
  PackagesProgressNotification,
  RunParams,
  RunResult,
  SessionCloseParams,
  SessionCloseResult,
  SessionCreateParams,
  SessionCreateResult,
  SessionListParams,
  SessionListResult,
  SessionResetParams,
  SessionResetResult,
  TenantsParams,
  TenantsResult,
  ShutdownParams,
  ShutdownResult,
} from "./generated/types.ts";

/** `daemon/initialize`: the optional handshake; returns versions, isolation level and capabilities. */
export const InitializeRequest = new RequestType<InitializeParams, InitializeResult, void>("daemon/initialize");
/** `daemon/info`: health, counters, runners and versions. */
export const InfoRequest = new RequestType<InfoParams, InfoResult, void>("daemon/info");
/** `daemon/shutdown`: answer, then stop every runner and exit. */
export const ShutdownRequest = new RequestType<ShutdownParams, ShutdownResult, void>("daemon/shutdown");
/** @since 1.3. The operator view: every tenant, what it holds and costs; answered on operator connections only. */
export const TenantsRequest = new RequestType<TenantsParams, TenantsResult, void>("daemon/tenants");
/** `daemon/metrics` (@since 1.3): the daemon's figures over every tenant, for `/metrics`; answered only on an operator's connection. */
export const MetricsRequest = new RequestType<MetricsParams, MetricsResult, void>("daemon/metrics");
/** `session/create`: a new session, on a shared runner or (fresh_interpreter) a runner of its own. */
export const SessionCreateRequest = new RequestType<SessionCreateParams, SessionCreateResult, void>("session/create");
/** `session/list`: every open session. */
export const SessionListRequest = new RequestType<SessionListParams, SessionListResult, void>("session/list");
/** `session/reset`: empty a session's globals, or bring a lost session back empty. */
export const SessionResetRequest = new RequestType<SessionResetParams, SessionResetResult, void>("session/reset");
/** `session/close`: forget a session (and stop its runner if it had one of its own). */
export const SessionCloseRequest = new RequestType<SessionCloseParams, SessionCloseResult, void>("session/close");
/** `python/run`: run code in a session or in fresh globals. Cancel it with `$/cancelRequest`. */
export const RunRequest = new RequestType<RunParams, RunResult, void>("python/run");
/** `python/check`: is a snippet complete, by the rule of Python's REPL? */
export const CheckRequest = new RequestType<CheckParams, CheckResult, void>("python/check");
/** `packages/install` (@since 1.1): install packages for the caller's tenant. */
export const PackagesInstallRequest = new RequestType<PackagesInstallParams, PackagesInstallResult, void>("packages/install");
/** `packages/list` (@since 1.1): what the distribution offers, and what the caller's tenant installed. */
export const PackagesListRequest = new RequestType<PackagesListParams, PackagesListResult, void>("packages/list");
/** `python/output` (daemon to client): output of a run while it is going. */
export const OutputNotificationType = new NotificationType<OutputNotification>("python/output");
/** `python/display` (@since 1.1, daemon to client): a display output of a run while it is going. */
export const DisplayNotificationType = new NotificationType<DisplayNotification>("python/display");
/** `python/input` (@since 1.1, daemon to client): a run asks for a line of input (input(), getpass); only for runs that gave `allow_stdin`. */
export const InputRequest = new RequestType<InputParams, InputResult, void>("python/input");
/** `python/complete` (@since 1.1): completions at a cursor, Jupyter-style. */
export const CompleteRequest = new RequestType<CompleteParams, CompleteResult, void>("python/complete");
/** `python/inspect` (@since 1.1): the signature and docstring of the name at a cursor. */
export const InspectRequest = new RequestType<InspectParams, InspectResult, void>("python/inspect");
/** `files/write` (@since 1.1): write a file in a session's working directory. */
export const FilesWriteRequest = new RequestType<FilesWriteParams, FilesWriteResult, void>("files/write");
/** `files/read` (@since 1.1): read a file of a session's working directory. */
export const FilesReadRequest = new RequestType<FilesReadParams, FilesReadResult, void>("files/read");
/** `files/list` (@since 1.1): list a directory of a session's working directory. */
export const FilesListRequest = new RequestType<FilesListParams, FilesListResult, void>("files/list");
/** `files/delete` (@since 1.1): delete a file or directory of a session's working directory. */
export const FilesDeleteRequest = new RequestType<FilesDeleteParams, FilesDeleteResult, void>("files/delete");
/** `packages/progress` (daemon to client, @since 1.1): a package file downloading for the client's install or run. */
export const PackagesProgressNotificationType = new NotificationType<PackagesProgressNotification>("packages/progress");
