/**
 * `coherence rebase` of one big batch (the real CLI, a child process per size):
 * wall time and peak memory per batch size, to show both grow linearly.
 * Peak RSS comes from GNU time (`/usr/bin/time`) when it is installed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, openSync, closeSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { batchText } from './generate'

const CLI = join(import.meta.dirname, '..', 'bin', 'coherence.cjs')
const GNU_TIME = '/usr/bin/time'

/** One measured batch. */
export interface BatchRun {
  readonly events: number
  readonly inputBytes: number
  readonly ms: number
  /** Peak resident memory in bytes, or null without GNU time. */
  readonly peakBytes: number | null
}

function ensureBatch(dir: string, events: number): string {
  const path = join(dir, `batch-${events}.edn`)
  if (!existsSync(path)) writeFileSync(path, batchText(events))
  return path
}

/** Rebase a batch of `events` new events into a fresh store in `dir` through the CLI. */
export function benchRebaseBatch(dir: string, events: number): BatchRun {
  const input = ensureBatch(dir, events)
  const store = join(dir, `batch-${events}.db`)
  rmSync(store, { force: true })
  const init = spawnSync(process.execPath, [CLI, 'init', store], { encoding: 'utf8' })
  if (init.status !== 0) throw new Error(`coherence init failed: ${init.stderr}`)
  const withTime = existsSync(GNU_TIME)
  const [cmd, args] = withTime
    ? [GNU_TIME, ['-f', '%M', process.execPath, CLI, 'rebase', store, '--base', '1']]
    : [process.execPath, [CLI, 'rebase', store, '--base', '1']]
  const stdin = openSync(input, 'r')
  const start = performance.now()
  const run = spawnSync(cmd, args, { stdio: [stdin, 'ignore', 'pipe'], encoding: 'utf8' })
  const ms = performance.now() - start
  closeSync(stdin)
  if (run.status !== 0) throw new Error(`coherence rebase of ${events} events exited ${run.status}: ${run.stderr}`)
  const kb = withTime ? Number(run.stderr.trim().split('\n').pop()) : NaN
  rmSync(store, { force: true })
  return { events, inputBytes: statSync(input).size, ms, peakBytes: Number.isFinite(kb) ? kb * 1024 : null }
}
