/**
 * The real Clojure library's CLI as an oracle and as another writing process
 * (/work/shared/real-lib/coherence, or the CLI named by COHERENCE_REAL_LIB;
 * see its README): same commands and exit codes as ours, every store
 * operation a call into the library.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { CliRun } from '../cli/run-cli'

/** Where the library's CLI is. */
export const REAL_LIB = process.env.COHERENCE_REAL_LIB ?? '/work/shared/real-lib/coherence'

/** Run the library's CLI (its first call compiles it: up to a few minutes). */
export function real(args: readonly string[], stdin = ''): CliRun {
  const r = spawnSync(REAL_LIB, args, { input: stdin, encoding: 'utf8', timeout: 180_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Why the library's CLI cannot run here, or null when it can. */
export function missingOracle(): string | null {
  if (!existsSync(REAL_LIB)) return `the real library's CLI ${REAL_LIB} is missing (set COHERENCE_REAL_LIB)`
  if (spawnSync('java', ['-version'], { encoding: 'utf8' }).status !== 0) return 'java is not installed (apt-get install default-jre-headless clojure; see /work/shared/real-lib/README.md)'
  return null
}
