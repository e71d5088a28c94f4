/**
 * Version of the wire protocol spoken between the server and its clients (widget, console, support
 * client). Bumped on any change a client of the previous version could not understand; the server
 * refuses a handshake that names another version, with the `protocol_mismatch` error.
 */
export const PROTOCOL_VERSION = 1;
