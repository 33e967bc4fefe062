/**
 * The renderer's layers, checked on the source: the shell (`app`) on top,
 * features in the middle, then the workspace (open stores, view state,
 * navigation), the UI kit (`ui`) and the IPC client at the bottom. A module
 * imports only its own layer or lower ones (and `src/shared`), and no
 * renderer module reaches itself through its imports.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const RENDERER = resolve(__dirname, '../../src/renderer')
const LAYERS = ['ipc', 'ui', 'workspace', 'features', 'app'] as const

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`]) {
    try {
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // try the next extension
    }
  }
  return null
}

/** Relative imports of a file (type-only ones too: they couple layers as much). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)].map((m) => resolveImport(file, m[1])).filter((p): p is string => p !== null)
}

/** The layer of a renderer file (-1 outside the layers: main.tsx, env.d.ts). */
function layerOf(file: string): number {
  const top = relative(RENDERER, file).split(/[\\/]/)[0]
  return LAYERS.indexOf(top as (typeof LAYERS)[number])
}

const files = sources(RENDERER)
const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => t.startsWith(RENDERER) && !t.endsWith('.css'))]))

describe('renderer layers', () => {
  it('knows every top-level folder', () => {
    const tops = new Set(files.map((f) => relative(RENDERER, f).split(/[\\/]/)[0]))
    expect([...tops].filter((t) => !/\.tsx?$/.test(t)).sort()).toEqual([...LAYERS].sort())
  })

  it('imports only downwards or within a layer', () => {
    const violations = [...graph].flatMap(([file, targets]) =>
      layerOf(file) < 0 ? [] : targets.filter((t) => layerOf(t) > layerOf(file)).map((t) => `${relative(RENDERER, file)} → ${relative(RENDERER, t)}`)
    )
    expect(violations).toEqual([])
  })

  it('has no import cycle', () => {
    const state = new Map<string, 'open' | 'done'>()
    const cycles: string[] = []
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(RENDERER, f)).join(' → '))
        return
      }
      state.set(file, 'open')
      for (const target of graph.get(file) ?? []) visit(target, [...path, file])
      state.set(file, 'done')
    }
    for (const file of files) visit(file, [])
    expect(cycles).toEqual([])
  })
})
