/**
 * Zod schemas of the values requests carry. Strict objects: an unknown key is
 * an invalid request, not something silently ignored.
 */
import { z } from 'zod'

/** True for an absolute POSIX path (`/…`) or Windows path (`C:\…`, `\\server\…`). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\')
}

/** An absolute file path, as dialogs, drops and recent files give them. */
export const filePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\u0000'), 'must not contain NUL characters')
  .refine(isAbsolutePath, 'must be an absolute path')

/**
 * A location token main issued for a path the user chose (a dialog, a drop,
 * the recent list, the command line). The window never sends a path to open
 * or create, only one of these.
 */
export const locationTokenSchema = z.string().regex(/^loc-[0-9a-f]{32}$/, 'must be a location the app gave you (from File ▸ Open, a drop or the recent list)')

/** The id of an open store (`s1`, `s2`, …). */
export const storeIdSchema = z.string().regex(/^s[1-9][0-9]{0,8}$/, 'must be a store id such as s1')

/**
 * What a usable table name looks like (the store adapter's `validateTableNames`
 * applies the same rule and has the last word).
 */
export const TABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_$.-]{0,62}$/

const tableName = z.string().min(1).max(128)

/** Custom table names, keyed like the library's `:tables` option. */
export const tableNamesSchema = z.strictObject({
  event: tableName,
  action: tableName,
  effect: tableName,
  trigger: tableName
})

const cell = z.string().max(10_000)
const cellIdentity = z.strictObject({ kind: cell, id: cell })
const seqNo = z.number().int().min(0)

/** `EventFilter` of src/shared/browse.ts. */
export const eventFilterSchema = z.strictObject({
  type: z.enum(['action', 'effect']).optional(),
  aggregateKind: cell.optional(),
  aggregate: cellIdentity.optional(),
  reason: cell.optional(),
  source: cell.optional(),
  actor: cellIdentity.optional(),
  trigger: cellIdentity.optional(),
  fromTime: z.number().int().optional(),
  toTime: z.number().int().optional(),
  fromSeqNo: seqNo.optional(),
  toSeqNo: seqNo.optional(),
  patchText: cell.optional()
})

/** `TriggerCursor` of src/shared/audit.ts. */
export const triggerCursorSchema = z.strictObject({ kind: cell, id: cell, count: z.number().int().min(0) })

/** `GraphFocus` of src/shared/audit.ts. */
export const graphFocusSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('trigger'), kind: cell, id: cell }),
  z.strictObject({ type: z.literal('effect'), seqNo }),
  z.strictObject({ type: z.literal('aggregate'), kind: cell, id: cell })
])

/** A cell-text identity `{ kind, id }` (`CellIdentity` of src/shared/browse.ts). */
export const cellIdentitySchema = cellIdentity
