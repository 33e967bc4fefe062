/**
 * The one index this tool may add to a store beyond the library's schema
 * (an index on the trigger table's seq_no; see `sql/schema.ts`
 * `triggerSeqNoIndexStatement`): a small port next to `EventStore` and
 * `StoreInspector`. Adding it is explicit (`coherence index`), never a side
 * effect of opening or creating a store.
 */

/** What adding the index did. */
export interface AddedIndex {
  /** The index's name (an existing index that already serves, when `created` is false). */
  readonly name: string
  /** False when the trigger table already had an index leading with seq_no: nothing changed. */
  readonly created: boolean
}

/** Reads and adds the trigger table's seq_no index. */
export interface StoreIndexer {
  /** The name of an index on the trigger table whose first column is seq_no, or null (the library's schema has none). */
  triggerSeqNoIndex(): Promise<string | null>
  /**
   * Add the index (`CREATE INDEX IF NOT EXISTS`) unless one already serves.
   * Needs a store opened for writing; a role or file that cannot is refused
   * with a StoreError, nothing changed.
   */
  addTriggerSeqNoIndex(): Promise<AddedIndex>
}
