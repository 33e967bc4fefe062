/**
 * Pure integrity rules for single cells: is the text EDN, is it printed the
 * way Clojure prints it, does it hold the right kind of value. The store
 * adapter walks the tables and calls these; nothing here does I/O.
 */
import type { EdnValue } from '../../shared/edn-value'
import { EdnParseError, printEdn, readEdn } from './edn'
import { validatePatch } from './domain'

/** What a column must hold. */
export type CellExpectation = 'keyword' | 'id' | 'patch'

/** A problem with one cell. */
export interface CellProblem {
  readonly code: 'invalid-edn' | 'not-canonical' | 'invalid-value' | 'invalid-patch'
  readonly severity: 'error' | 'warning'
  readonly detail: string
}

/** Is `text` exactly what `pr-str` prints for `value` (either namespaced-map form)? */
export function isCanonical(text: string, value: EdnValue): boolean {
  return text === printEdn(value) || text === printEdn(value, { namespaceMaps: true })
}

function kindOf(value: EdnValue): string {
  switch (value.t) {
    case 'kw': return 'a keyword'
    case 'sym': return 'a symbol'
    case 'str': return 'a string'
    case 'int': return 'an integer'
    case 'float': return 'a floating-point number'
    case 'nil': return 'nil'
    case 'map': return 'a map'
    case 'vec': return 'a vector'
    case 'list': return 'a list'
    case 'set': return 'a set'
    default: return `a ${value.t}`
  }
}

/**
 * Check one cell against what its column must hold. Returns every problem
 * found (a cell can be valid EDN yet not canonical and of the wrong kind).
 */
export function checkCell(text: string, expectation: CellExpectation): CellProblem[] {
  let value: EdnValue
  try {
    value = readEdn(text)
  } catch (e) {
    if (e instanceof EdnParseError) return [{ code: 'invalid-edn', severity: 'error', detail: `is not valid EDN: ${e.message}` }]
    throw e
  }
  const problems: CellProblem[] = []
  if (!isCanonical(text, value)) {
    problems.push({
      code: 'not-canonical',
      severity: 'warning',
      detail: `is not printed the way Clojure prints it (Clojure prints ${printEdn(value)}); conflict checks and replay compare this text, so it will not match the same value written by Clojure`
    })
  }
  if (expectation === 'keyword' && value.t !== 'kw') {
    problems.push({ code: 'invalid-value', severity: 'error', detail: `must be a keyword but is ${kindOf(value)}` })
  }
  if (expectation === 'id' && value.t !== 'int' && value.t !== 'str' && value.t !== 'uuid') {
    problems.push({ code: 'invalid-value', severity: 'error', detail: `must be an integer, a string or a UUID but is ${kindOf(value)}` })
  }
  if (expectation === 'patch') {
    const errors = validatePatch(value)
    if (errors.length > 0) {
      problems.push({ code: 'invalid-patch', severity: 'error', detail: `is not a valid patch: ${errors.map((e) => e.message).join(' ')}` })
    }
  }
  return problems
}
