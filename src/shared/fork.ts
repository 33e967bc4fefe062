/**
 * Forks and imported batches as the window sees them: where a fork came
 * from and how far it was merged, a batch collected for merging into the
 * origin, and events read from a file for the staging area. Plain data.
 */
import type { TableNames } from './domain'
import type { ChosenLocation, RecentConnection, StoreInfo } from './ipc/types'
import { connectionLabelOf } from './postgres-connection'

/** Where a fork's origin lives: a file path as given, or a PostgreSQL URL without its password. */
export type ForkOrigin =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string }

/** What the sidecar `<copy>.fork.json` records about a fork. */
export interface ForkRecord {
  readonly version: 1
  readonly origin: ForkOrigin
  readonly tables: TableNames
  /** The origin's highest seq-no when it was forked (the fork holds the same events up to here). */
  readonly forkSeqNo: number
  /** The fork's highest seq-no already merged into the origin (the fork point until the first merge). */
  readonly mergedUpTo: number
  /**
   * Origin seq-nos the fork has accounted for since the fork point: the events
   * earlier merges wrote and the conflicts resolved in them. Later merges pass
   * them as the rebase's `resolved`, so they never conflict again.
   */
  readonly resolved: readonly number[]
  /** ISO time of the fork. */
  readonly forkedAt: string
}

/** A fork as a tab shows it. */
export interface ForkSummary {
  /** The origin: its file path as given, or `user@host/db` for a PostgreSQL database (never a URL or a password). */
  readonly origin: string
  readonly originKind: ForkOrigin['kind']
  readonly forkSeqNo: number
  readonly mergedUpTo: number
}

/** One event ready for the staging area: its EDN text and a one-line summary. */
export interface BatchEvent {
  readonly edn: string
  readonly summary: string
}

/** The fork's events after its last merge, staged against the origin. */
export interface MergeBatch {
  /** The rebase base: the fork point + 1. */
  readonly base: number
  /** Origin seq-nos already accounted for (see `ForkRecord.resolved`). */
  readonly resolved: readonly number[]
  readonly events: readonly BatchEvent[]
  /** The fork's highest seq-no among `events` (what `mergedUpTo` becomes after the commit). */
  readonly upTo: number
}

/** Reading a batch file: its events, or the problems (each with the event's index). */
export type ImportOutcome =
  | { readonly result: 'ok'; readonly format: 'edn' | 'json'; readonly events: readonly BatchEvent[] }
  | { readonly result: 'invalid'; readonly problems: readonly string[] }

/** `forkSummary` of a record. */
export function forkSummary(record: ForkRecord): ForkSummary {
  return {
    origin: record.origin.kind === 'sqlite' ? record.origin.path : connectionLabelOf(record.origin.url),
    originKind: record.origin.kind,
    forkSeqNo: record.forkSeqNo,
    mergedUpTo: record.mergedUpTo
  }
}

/** `fork:create`: the fork opened (unlocked) in a new tab, or the dialog was cancelled. */
export type ForkCreateOutcome =
  | { readonly result: 'ok'; readonly info: StoreInfo }
  | { readonly result: 'cancelled' }

/**
 * `store:copy`: what was copied where (`target` names the file or `user@host/db`,
 * never a password) and how long it took, or the dialog was cancelled, or the
 * copy was stopped (`store:copy-cancel`) and `target` left as it was. A file
 * copy comes with the token that opens it (`file`); a database copy opens with
 * the connection the window sent.
 */
export type StoreCopyOutcome =
  | {
      readonly result: 'ok'
      readonly rows: number
      readonly seqNo: number
      readonly target: string
      readonly elapsedMs: number
      readonly file?: ChosenLocation
    }
  | { readonly result: 'cancelled' }
  | { readonly result: 'stopped'; readonly target: string }

/**
 * `fork:merge`: the batch and the origin's tab it goes to (`stage`), or the
 * fork's record after a merge (`record`). A PostgreSQL origin that is not
 * open and whose password main does not hold is `connect`: connect to the
 * recent connection `connection` (the Connect dialog asks its password), then
 * stage again.
 */
export type MergeOutcome =
  | { readonly result: 'staged'; readonly origin: StoreInfo; readonly batch: MergeBatch }
  | { readonly result: 'connect'; readonly connection: RecentConnection }
  | { readonly result: 'recorded'; readonly fork: ForkSummary }

/** `import`: the file's events for the staging area, or why not, or the dialog was cancelled. */
export type ImportBatchOutcome = (ImportOutcome & { readonly file: string }) | { readonly result: 'cancelled' }
