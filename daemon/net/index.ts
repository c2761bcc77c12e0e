/** The network broker's public names: what the daemon and the runner IPC use to perform guests' HTTP requests. */
export { classifyAddress, type AddressClass, type AddressRange } from "./address-ranges.ts";
export { NetBroker } from "./broker.ts";
export { assertNetRequest, type NetBrokerOptions, type NetRequest, type NetRequestContext, type NetResponse } from "./net-request.ts";
export type { HeaderList } from "./http-headers.ts";
export { checkAddress, checkAddresses, checkUrl, type CheckedAddress, type NetTarget } from "./net-check.ts";
export { NetError, NetRefusedError, type NetErrorInfo, type NetErrorKind } from "./net-error.ts";
export { defaultNetPolicy, describeNetPolicy, NET_MODES, parseNetPolicy, type NetMode, type NetPolicy, type NetRule } from "./net-policy.ts";
export { systemResolver, type Resolver } from "./resolve.ts";
export { ResponseBody, type BodyOutcome } from "./response-body.ts";
