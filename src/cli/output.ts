/** What the CLI commands write to, and the failures that need their own exit code. */

/** Where a command writes; `write` resolves when the text may be followed by more (backpressure). */
export interface Output {
  write(text: string): Promise<void>
  /** Resolves when everything written has reached its destination; rejects if any of it failed. */
  flush(): Promise<void>
  /** A line for stderr that does not change the outcome (e.g. a cell longer than the schema declares). */
  notice(text: string): void
}

/** Exit codes of the contract. */
export const EXIT = {
  ok: 0,
  error: 1,
  notOk: 2,
  /** The rebase was committed, but printing its result failed. */
  writtenNotPrinted: 3
} as const

/** Printing the result failed after the rebase committed `count` events to `file` from seq-no `firstSeqNo` on. */
export class ResultNotPrintedError extends Error {
  constructor(readonly file: string, readonly firstSeqNo: number, readonly count: number, readonly reason: string) {
    super(
      `the ${count === 1 ? 'event WAS' : `${count} events WERE`} written (seq-no ${firstSeqNo}${count === 1 ? '' : `–${firstSeqNo + count - 1}`}), ` +
        `but printing the result failed (${reason}); see them with: coherence read ${file} --offset ${firstSeqNo}`
    )
    this.name = 'ResultNotPrintedError'
  }
}
