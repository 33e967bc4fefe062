/**
 * Main never runs SQL: the main-process bundle must not contain the store
 * adapter or better-sqlite3 — only the worker (store-host) does.
 */
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { build } from 'esbuild'
import { ROOT } from '../../helpers/build'

async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
    metafile: true,
    logLevel: 'silent'
  })
  return Object.keys(result.metafile.inputs)
}

describe('where SQL runs', () => {
  it('keeps better-sqlite3 and the store adapter out of the main process', async () => {
    const inputs = await bundledInputs('src/main/index.ts')
    expect(inputs.filter((p) => p.includes('better-sqlite3') || p.includes('src/main/store/'))).toEqual([])
    expect(inputs).toContain('src/main/host/store-host.ts')
  })

  it('puts them in the store worker', async () => {
    const inputs = await bundledInputs('src/main/host/worker.ts')
    expect(inputs).toContain('src/main/store/sqlite/store.ts')
    expect(inputs.some((p) => p.includes('node_modules/better-sqlite3/'))).toBe(true)
  })
})
