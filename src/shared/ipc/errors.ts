/**
 * Errors cross the IPC boundary as data, never as thrown exceptions: every
 * response is `{ ok: true, value }` or `{ ok: false, error: { code, message } }`
 * with a message a user can read and act on.
 */

/** Every error code, as data (the store adapter's codes first, see src/main/store/errors.ts). */
export const ERROR_CODES = [
  // the store adapter
  'not-found',
  'not-a-store',
  'missing-tables',
  'wrong-columns',
  'already-exists',
  'corrupt',
  /** A hot journal: an interrupted write that only a writable open rolls back. */
  'interrupted-write',
  /** Another program holds the SQLite lock (not our read-only mode). */
  'locked',
  'read-only',
  'invalid-table-names',
  'invalid-cell',
  'io',
  /** PostgreSQL: the server cannot be reached, or the connection was lost. */
  'unreachable',
  /** PostgreSQL: the login was refused. */
  'auth',
  /** PostgreSQL: the role lacks a privilege. */
  'permission-denied',
  'unsupported',
  // the IPC layer
  'invalid-request',
  'unknown-channel',
  'forbidden-sender',
  /** A location token main never issued (or issued for another purpose): the user did not choose that file. */
  'not-chosen',
  // the app
  /** The store is in read-only mode: unlock it before writing. */
  'store-locked',
  /** The user said no in a native confirmation dialog. */
  'cancelled',
  'not-open',
  'invalid-events',
  'host-failed',
  'internal'
] as const

/** Why a request failed. */
export type IpcErrorCode = (typeof ERROR_CODES)[number]

/** A failure: a machine-readable code and a plain sentence. */
export interface IpcError {
  readonly code: IpcErrorCode
  readonly message: string
}

/** Every response: a value, or a typed error. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError }

/** True when `code` is one of the contract's error codes. */
export function isErrorCode(code: unknown): code is IpcErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)
}

/** Build an error result. */
export function failure(code: IpcErrorCode, message: string): { readonly ok: false; readonly error: IpcError } {
  return { ok: false, error: { code, message } }
}
