/**
 * Large generated stores for tests that must show behaviour at scale (the
 * 10 M-event table). Generated once per checkout into out/test-data (about a
 * minute for 10 M events, set-based inside SQLite) and reused; a lock keeps parallel test files from
 * generating the same file twice.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { generateStore } from '../../bench/generate'
import { ROOT } from './build'

/** The path of a generated store with `events` events, generating it when missing. */
export async function bigStore(events: number): Promise<string> {
  const dir = join(ROOT, 'out', 'test-data')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `events-${events}.db`)
  if (existsSync(path)) return path
  const lock = `${path}.lock`
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000))
      if (existsSync(path)) return path
    }
  }
  try {
    if (!existsSync(path)) {
      const partial = `${path}.partial`
      rmSync(partial, { force: true })
      await generateStore(partial, events)
      renameSync(partial, path)
    }
    return path
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}
