/** Run the real `coherence` CLI (bin/coherence.cjs) as a child process. */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'coherence.cjs')

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Run `coherence ...args` with optional stdin. */
export function cli(args: readonly string[], stdin?: string): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: stdin ?? '', encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** sha256 of a file, to prove it was left byte-identical. */
export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}
