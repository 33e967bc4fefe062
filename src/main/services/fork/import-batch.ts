/**
 * Import a batch from a file into the staging area: an EDN vector of events
 * as the library prints them (what `coherence read` and the EDN export
 * write) or the JSON the export writes. Exported events carry `:seq-no`; it
 * is dropped, since an imported event gets a new one. Every event is then
 * validated like a composed one, and each gets a one-line summary.
 *
 * JSON is read back by the export's table (src/main/core/edn/json.ts):
 * `":kw"` strings are keywords, `:timestamp` is an ISO time, `:triggers` a set. What JSON cannot
 * tell apart (a string that looks like a keyword, a UUID id, a double with
 * no fraction) is read as the plainer value — use EDN for an exact round trip.
 */
import { readFileSync, statSync } from 'node:fs'
import type { EdnValue } from '../../../shared/edn-value'
import { edn } from '../../../shared/edn-value'
import type { ImportOutcome } from '../../../shared/fork'
import { EdnParseError, printEdn, readEdn } from '../../core/edn'
import { parseStaged } from '../compose'
import { ServiceError } from '../service-error'
import { eventSummary } from './summary'

/** Files larger than this are refused (the staging area is for batches a person reviews). */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024

const KEYWORD = /^:([^\s/:][^\s:]*\/)?[^\s/:][^\s:]*$/

function keyword(text: string): EdnValue | null {
  if (!KEYWORD.test(text)) return null
  const body = text.slice(1)
  const slash = body.indexOf('/')
  return slash < 0 ? edn.kw(body) : edn.kw(body.slice(0, slash), body.slice(slash + 1))
}

/** JSON data (as the export writes it) → EDN. */
function fromJson(value: unknown, key?: string): EdnValue {
  if (value === null) return edn.nil
  if (typeof value === 'boolean') return edn.bool(value)
  if (typeof value === 'number') return Number.isInteger(value) ? edn.int(value) : edn.float(value)
  if (typeof value === 'string') {
    if (key === ':timestamp' && !Number.isNaN(Date.parse(value))) return edn.inst(Date.parse(value))
    return keyword(value) ?? edn.str(value)
  }
  // The export prints an event's triggers as the set the library reads them back as.
  if (Array.isArray(value)) return (key === ':triggers' ? edn.set : edn.vec)(value.map((item) => fromJson(item)))
  return edn.map(Object.entries(value as Record<string, unknown>).map(([k, v]) => [keyword(k) ?? edn.str(k), fromJson(v, k)] as const))
}

/** An exported event without its `:seq-no`. */
function withoutSeqNo(value: EdnValue): EdnValue {
  if (value.t !== 'map') return value
  return edn.map(value.entries.filter(([k]) => !(k.t === 'kw' && k.ns === null && k.name === 'seq-no')))
}

function readText(path: string): string {
  let size: number
  try {
    size = statSync(path).size
  } catch (e) {
    throw new ServiceError('not-found', `${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Choose another file.`)
  }
  if (size > IMPORT_MAX_BYTES) throw new ServiceError('invalid-request', `${path} is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; import a smaller batch, or append it with coherence rebase.`)
  const text = new TextDecoder('utf-8', { fatal: false }).decode(readFileSync(path))
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** The events of a batch file as EDN values, and the format it was in. */
function readItems(text: string): { format: 'edn' | 'json'; items: readonly EdnValue[] } | { problem: string } {
  const trimmed = text.trimStart()
  if (trimmed.startsWith('[') && /^\[\s*(\{\s*"|\])/.test(trimmed)) {
    try {
      const data: unknown = JSON.parse(text)
      if (Array.isArray(data)) return { format: 'json', items: data.map((item) => withoutSeqNo(fromJson(item))) }
    } catch {
      // Not JSON: read it as EDN below.
    }
  }
  let value: EdnValue
  try {
    value = readEdn(text)
  } catch (e) {
    if (e instanceof EdnParseError) return { problem: `The file is neither the JSON the export writes nor EDN (${e.message}).` }
    throw e
  }
  if (value.t !== 'vec' && value.t !== 'list') return { problem: `The file holds ${printEdn(value).slice(0, 40)}, not a vector of events; export events as EDN or JSON and import that file.` }
  return { format: 'edn', items: value.items.map(withoutSeqNo) }
}

/** Read the batch file at `path` for the staging area. */
export function importBatch(path: string): ImportOutcome {
  const read = readItems(readText(path))
  if ('problem' in read) return { result: 'invalid', problems: [read.problem] }
  if (read.items.length === 0) return { result: 'invalid', problems: ['The file holds no events.'] }
  const texts = read.items.map((item) => printEdn(item))
  const parsed = parseStaged(texts)
  if (!parsed.ok) {
    // Each message names its place already (`:action :patch is missing; …`).
    return { result: 'invalid', problems: parsed.problems.map((p) => `Event ${p.index + 1}: ${p.message.replace(/^Staged event \d+:? ?/, '')}`) }
  }
  return { result: 'ok', format: read.format, events: texts.map((text, i) => ({ edn: text, summary: eventSummary(parsed.events[i]) })) }
}
