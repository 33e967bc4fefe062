/** Checking table names before a store is created (the store checks them again). */
import type { TableNames } from '../../../shared/domain'
import { TABLE_NAME_PATTERN } from '../../../shared/ipc/schemas'

/** The four tables, in the library's order. */
export const TABLE_ROLES: readonly (keyof TableNames)[] = ['event', 'action', 'effect', 'trigger']

/** A sentence about what is wrong with `tables`, or null. */
export function tableNamesProblem(tables: TableNames): string | null {
  const names = TABLE_ROLES.map((role) => tables[role])
  const bad = names.find((n) => !TABLE_NAME_PATTERN.test(n))
  if (bad !== undefined) return `"${bad}" is not a usable table name: use letters, digits and underscores, starting with a letter.`
  if (new Set(names).size !== names.length) return 'The four table names must all be different.'
  return null
}
