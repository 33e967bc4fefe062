/**
 * The failure a use case reports: a reason code and one sentence saying what
 * is wrong and what to do. Whoever runs the service (the store worker, the
 * CLI) passes both on unchanged; a store's own failures stay StoreErrors.
 */
import { CodedError } from '../../shared/coded-error'

/** Why a use case refused or failed. */
export type ServiceErrorCode =
  /** The arguments do not describe a valid request (an unknown query, a bad filter, …). */
  | 'invalid-request'
  /** New events that are not valid EDN or not valid events. */
  | 'invalid-events'
  /** No store is open. */
  | 'not-open'
  /** The thing asked for does not exist (an event by seq-no, …). */
  | 'not-found'
  /** The store cannot be written at all (a read-only file). */
  | 'read-only'
  /** The store is open read-only (locked): unlock it before writing. */
  | 'store-locked'
  /** The user stopped it (Ctrl-C, Cancel); nothing was written. */
  | 'cancelled'
  /** Writing a file failed. */
  | 'io'
  /** A broken invariant of the app itself. */
  | 'internal'

/** A use case's refusal or failure, as data with a code. */
export class ServiceError extends CodedError<ServiceErrorCode> {
  override readonly name = 'ServiceError'
}
