/**
 * The one shape of every failure our code raises on purpose: a
 * machine-readable code and one sentence saying what is wrong and what to do.
 * StoreError, ServiceError and HostError are this class with their own codes,
 * so whoever passes a failure on (the worker, main, the CLI) reads `code` and
 * `message` alike. Lives in shared so every layer may import it.
 */
export class CodedError<C extends string> extends Error {
  /** Machine-readable reason. */
  readonly code: C

  constructor(code: C, message: string) {
    super(message)
    this.code = code
  }
}
