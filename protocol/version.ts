/** Version numbers of the wire protocol and of woma itself. */

/** The protocol version the daemon and its clients speak, as MAJOR.MINOR. A MAJOR change breaks clients. */
export const PROTOCOL_VERSION = "1.3";

/** woma's own version, kept equal to package.json's by a unit test. */
export const WOMA_VERSION = "0.1.0";
