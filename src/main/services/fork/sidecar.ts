/**
 * The fork's sidecar, `<copy>.fork.json` next to the copy: the only place the
 * fork point is recorded — never in the origin, never as tables in the copy
 * (which stays a store the library opens unchanged). Written to a temporary
 * file and renamed, so a reader never sees half of it.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import type { ForkOrigin, ForkRecord } from '../../../shared/fork'
import { parseStoreLocation, type StoreLocation } from '../../../shared/store-location'
import { passwordlessUrl } from '../../../shared/postgres-connection'
import { sameConnection } from '../../../shared/postgres-identity'
import { ServiceError } from '../service-error'
import { temporaryNeighbour } from './temporary-files'

/** The sidecar of the fork at `copyPath`. */
export function sidecarPath(copyPath: string): string {
  return `${copyPath}.fork.json`
}

const seqNo = z.number().int().nonnegative()
const schema = z.object({
  version: z.literal(1),
  origin: z.union([z.object({ kind: z.literal('sqlite'), path: z.string().min(1) }), z.object({ kind: z.literal('postgres'), url: z.string().min(1) })]),
  tables: z.object({ event: z.string(), action: z.string(), effect: z.string(), trigger: z.string() }),
  forkSeqNo: seqNo,
  mergedUpTo: seqNo,
  resolved: z.array(z.number().int().positive()),
  forkedAt: z.string()
})

/**
 * The origin as a sidecar keeps it: a file path as given; a PostgreSQL URL
 * without its password (neither in the user info nor as a `password=`
 * parameter), re-opened later with a password from elsewhere.
 */
export function forkOrigin(location: StoreLocation): ForkOrigin {
  if (location.kind === 'sqlite') return { kind: 'sqlite', path: location.path }
  return { kind: 'postgres', url: passwordlessUrl(location.url) ?? location.url.replace(/\/\/[^@/]*@/, '//') }
}

/** True when the store opened at `location` (a path or a URL, as opened) is the fork's `origin`. */
export function isOriginAt(origin: ForkOrigin, location: string): boolean {
  const opened = parseStoreLocation(location)
  if (origin.kind === 'sqlite') return opened.kind === 'sqlite' && resolve(opened.path) === resolve(origin.path)
  return opened.kind === 'postgres' && sameConnection(opened.url, origin.url, process.env)
}

/** The fork record of `copyPath`, or null when it is not a fork (no sidecar). A damaged sidecar is refused with a sentence. */
export function readForkRecord(copyPath: string): ForkRecord | null {
  const path = sidecarPath(copyPath)
  if (!existsSync(path)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new ServiceError('invalid-request', `${path} is not valid JSON (${(e as Error).message}), so where this fork came from is unknown. Restore it or fork again.`)
  }
  const checked = schema.safeParse(parsed)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    throw new ServiceError('invalid-request', `${path} is not a fork record (${issue.path.join('.') || 'top level'}: ${issue.message}). Restore it or fork again.`)
  }
  return checked.data
}

/** Write the record next to `copyPath` (atomically). */
export function writeForkRecord(copyPath: string, record: ForkRecord): void {
  const path = sidecarPath(copyPath)
  const temp = temporaryNeighbour(path, 'part')
  try {
    writeFileSync(temp, JSON.stringify(record, null, 2) + '\n', { flag: 'wx' })
    renameSync(temp, path)
  } catch (e) {
    rmSync(temp, { force: true })
    throw new ServiceError('io', `${path} could not be written (${(e as Error).message}). Choose a folder you can write to.`)
  }
}
