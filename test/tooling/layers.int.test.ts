/**
 * The layers are enforced, not described: for every rule, a file that breaks it
 * fails `npm run lint` (ESLint's `layers/imports`) or `npm run typecheck` (the
 * project's lib and types), and a file that keeps to it passes.
 *
 * The probes are virtual files at real paths inside the tree: ESLint lints
 * text under a file name (`lintText`), and TypeScript reads the probe through a
 * compiler host, with the options of the real project that includes that path.
 * Nothing is written, so lint and tests running beside this one never see a probe.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ESLint } from 'eslint'
import ts from 'typescript'
import { ROOT } from '../helpers/build'

const eslint = new ESLint({ cwd: ROOT })

/** Messages of `layers/imports` (and any other rule) for `code` linted as the file `path`. */
async function lint(path: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) })
  return result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }))
}

interface ImportCase {
  readonly file: string
  readonly source: string
  readonly rule: RegExp
}

/** One forbidden import per rule (and per kind of target); the file is a virtual probe at that path. */
const FORBIDDEN: readonly ImportCase[] = [
  { file: 'src/renderer/features/probe.ts', source: 'node:fs', rule: /^src\/renderer imports only src\/shared and itself.*: node:fs/ },
  { file: 'src/renderer/features/probe.ts', source: 'path', rule: /^src\/renderer imports only .*: node:path/ },
  { file: 'src/renderer/features/probe.ts', source: 'electron', rule: /^src\/renderer imports only .*: electron/ },
  { file: 'src/renderer/features/probe.ts', source: 'better-sqlite3', rule: /^src\/renderer imports only .*: better-sqlite3/ },
  { file: 'src/renderer/features/probe.ts', source: '../../main/core/edn', rule: /^src\/renderer imports only .*: src\/main\/core\/edn/ },
  { file: 'src/renderer/features/probe.ts', source: '../../preload/api', rule: /^src\/renderer imports only .*: src\/preload\/api/ },
  { file: 'src/shared/probe.ts', source: 'node:crypto', rule: /^src\/shared imports only itself and zod.*: node:crypto/ },
  { file: 'src/shared/probe.ts', source: 'react', rule: /^src\/shared imports only itself and zod.*: react/ },
  { file: 'src/shared/probe.ts', source: 'electron', rule: /^src\/shared imports only itself and zod.*: electron/ },
  { file: 'src/shared/probe.ts', source: '../main/core/edn', rule: /^src\/shared imports only itself and zod.*: src\/main\/core\/edn/ },
  { file: 'src/shared/probe.ts', source: '../renderer/ipc/client', rule: /^src\/shared imports only itself and zod.*: src\/renderer\/ipc\/client/ },
  { file: 'src/main/core/probe.ts', source: 'node:fs', rule: /^src\/main\/core is pure.*: node:fs/ },
  { file: 'src/main/core/probe.ts', source: 'better-sqlite3', rule: /^src\/main\/core is pure.*: better-sqlite3/ },
  { file: 'src/main/core/probe.ts', source: 'pg', rule: /^src\/main\/core is pure.*: pg/ },
  { file: 'src/main/core/probe.ts', source: '../store/store', rule: /^src\/main\/core is pure.*: src\/main\/store\/store/ },
  { file: 'src/main/core/probe.ts', source: '../host/protocol', rule: /^src\/main\/core is pure.*: src\/main\/host\/protocol/ },
  { file: 'src/main/core/probe.ts', source: '../ipc/dispatch', rule: /^src\/main\/core is pure.*: src\/main\/ipc\/dispatch/ },
  { file: 'src/main/core/probe.ts', source: '../services/registry', rule: /^src\/main\/core is pure.*: src\/main\/services\/registry/ },
  { file: 'src/main/services/probe.ts', source: '../host/worker-methods', rule: /^src\/main\/services \(use cases\) imports only .*: src\/main\/host\/worker-methods/ },
  { file: 'src/main/services/probe.ts', source: '../ipc/dispatch', rule: /^src\/main\/services \(use cases\) imports only .*: src\/main\/ipc\/dispatch/ },
  { file: 'src/main/services/probe.ts', source: 'electron', rule: /^src\/main\/services \(use cases\) imports only .*: electron/ },
  { file: 'src/main/services/probe.ts', source: 'node:worker_threads', rule: /^src\/main\/services \(use cases\) imports only .*: node:worker_threads/ },
  { file: 'src/main/services/probe.ts', source: 'better-sqlite3', rule: /^src\/main\/services \(use cases\) imports only .*: better-sqlite3/ },
  { file: 'src/main/services/probe.ts', source: '../store/sqlite', rule: /^src\/main\/store\/sqlite is imported only by .*: src\/main\/store\/sqlite/ },
  { file: 'src/preload/probe.ts', source: 'node:fs', rule: /^src\/preload imports only electron, src\/shared and itself.*: node:fs/ },
  { file: 'src/preload/probe.ts', source: '../main/core/edn', rule: /^src\/preload imports only .*: src\/main\/core\/edn/ },
  { file: 'src/main/ipc/probe.ts', source: '../store/sqlite', rule: /^src\/main\/store\/sqlite is imported only by src\/main\/store\/open-store\.ts.*: src\/main\/store\/sqlite/ },
  { file: 'src/main/store/probe.ts', source: './sqlite/rows', rule: /^src\/main\/store\/sqlite is imported only by .*: src\/main\/store\/sqlite\/rows/ },
  { file: 'src/main/store/postgres/probe.ts', source: '../sqlite/queries', rule: /^src\/main\/store\/sqlite is imported only by .*: src\/main\/store\/sqlite\/queries/ },
  { file: 'src/main/store/sqlite/probe.ts', source: '../postgres/store', rule: /^src\/main\/store\/postgres is imported only by .*: src\/main\/store\/postgres\/store/ },
  { file: 'test/main/store/contract/probe.ts', source: '../../../../src/main/store/sqlite', rule: /^src\/main\/store\/sqlite is imported only by .*: src\/main\/store\/sqlite/ },
  { file: 'src/main/ipc/probe.ts', source: '../../renderer/ipc/client', rule: /^main, the CLI, scripts and the bench never import the renderer.*: src\/renderer\/ipc\/client/ }
]

/** Imports each layer may make (the control cases). */
const ALLOWED: readonly ImportCase[] = [
  { file: 'src/renderer/features/probe.ts', source: '../../shared/browse', rule: /./ },
  { file: 'src/renderer/features/probe.ts', source: '@mantine/core', rule: /./ },
  { file: 'src/shared/probe.ts', source: 'zod', rule: /./ },
  { file: 'src/main/core/probe.ts', source: '../../shared/edn-value', rule: /./ },
  { file: 'src/preload/probe.ts', source: 'electron', rule: /./ },
  { file: 'src/main/store/open-store.ts', source: './sqlite', rule: /./ },
  { file: 'src/main/store/sqlite/probe.ts', source: './rows', rule: /./ },
  { file: 'test/main/store/sqlite/probe.ts', source: '../../../../src/main/store/sqlite', rule: /./ },
  { file: 'src/main/host/probe.ts', source: 'node:worker_threads', rule: /./ },
  { file: 'src/main/services/probe.ts', source: '../store/open-store', rule: /./ },
  { file: 'src/main/services/probe.ts', source: 'node:fs', rule: /./ }
]

/** The same import written every way a module can name another. */
const SPELLINGS: readonly ((source: string) => string)[] = [
  (s) => `import { x } from '${s}'\nexport const y = x`,
  (s) => `import type { X } from '${s}'\nexport type Y = X`,
  (s) => `export * from '${s}'`,
  (s) => `export const load = () => import('${s}')`,
  (s) => `export type T = typeof import('${s}')`
]

describe('ESLint layers/imports', () => {
  it('refuses every forbidden import, however it is written, naming the rule and the target', async () => {
    for (const c of FORBIDDEN) {
      for (const spell of SPELLINGS) {
        const messages = await lint(c.file, spell(c.source))
        const layer = messages.filter((m) => m.ruleId === 'layers/imports')
        expect(layer, `${c.file} importing ${c.source} as ${spell(c.source)}`).toHaveLength(1)
        expect(layer[0].message).toMatch(c.rule)
      }
    }
  }, 60_000)

  it('accepts what each layer may import', async () => {
    for (const c of ALLOWED) {
      for (const spell of SPELLINGS) expect(await lint(c.file, spell(c.source)), `${c.file} importing ${c.source}`).toEqual([])
    }
  }, 60_000)

  it('gives the renderer browser globals and Node code Node globals (in plain JavaScript, where ESLint checks names)', async () => {
    expect(await lint('src/renderer/probe.js', 'export const w = window.innerWidth\n')).toEqual([])
    expect((await lint('src/renderer/probe.js', 'export const p = process.env\n')).map((m) => m.message)).toEqual(["'process' is not defined."])
    expect(await lint('scripts/probe.mjs', 'export const p = process.env\n')).toEqual([])
    expect((await lint('scripts/probe.mjs', 'export const d = document.title\n')).map((m) => m.message)).toEqual(["'document' is not defined."])
    expect((await lint('src/shared/probe.js', 'export const p = [process, window]\n')).map((m) => m.message)).toEqual(["'process' is not defined.", "'window' is not defined."])
  })
})

/** The parsed options and file list of one of the repository's TypeScript projects. */
function project(name: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, name), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)) } })
  if (!parsed) throw new Error(`cannot read ${name}`)
  return parsed
}

/** Library and dependency files parsed once for all probes (the slow part of a program). */
const parsedFiles = new Map<string, ts.SourceFile | undefined>()

/** TypeScript's errors for `code` as the file `path`, checked with the options of the project that includes `path`. */
function typeErrors(projectName: string, path: string, code: string): string[] {
  const { options, fileNames } = project(projectName)
  const probe = join(ROOT, path)
  // The probe stands where the real project checks files: it checks others in that folder.
  const folder = `${dirname(probe)}/`
  expect(fileNames.some((f) => f.startsWith(folder)), `${projectName} checks ${folder}`).toBe(true)
  const host = ts.createCompilerHost({ ...options, noEmit: true })
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (file, language, ...rest) => {
    if (file === probe) return ts.createSourceFile(file, code, language)
    const key = `${file} ${JSON.stringify(language)}`
    if (!parsedFiles.has(key)) parsedFiles.set(key, getSourceFile(file, language, ...rest))
    return parsedFiles.get(key)
  }
  const fileExists = host.fileExists.bind(host)
  host.fileExists = (file) => file === probe || fileExists(file)
  const program = ts.createProgram({ rootNames: [probe], options: { ...options, noEmit: true, composite: false, declaration: false, emitDeclarationOnly: false }, host })
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(probe)).map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`)
}

describe('TypeScript projects', () => {
  const node = 'export const home: string | undefined = process.env.HOME\nexport const b = Buffer.from("x")\n'
  const dom = 'export const title: string = document.title\nexport const el: HTMLElement | null = null\n'
  const plain = 'export const n: number = [1, 2].map((x) => x * 2).length\nexport const m = new Map<string, number>()\n'

  it('the renderer sees the DOM but no Node types', () => {
    expect(typeErrors('tsconfig.web.json', 'src/renderer/features/probe.ts', dom)).toEqual([])
    expect(typeErrors('tsconfig.web.json', 'src/renderer/features/probe.ts', node).join('\n')).toMatch(/TS25\d\d Cannot find name 'process'[^]*TS25\d\d Cannot find name 'Buffer'/)
  })

  it('src/shared and src/main/core see neither the DOM nor Node types', () => {
    for (const path of ['src/shared/probe.ts', 'src/main/core/probe.ts']) {
      expect(typeErrors('tsconfig.shared.json', path, plain)).toEqual([])
      expect(typeErrors('tsconfig.shared.json', path, node).join('\n')).toMatch(/TS25\d\d Cannot find name 'process'[^]*TS25\d\d Cannot find name 'Buffer'/)
      expect(typeErrors('tsconfig.shared.json', path, dom).join('\n')).toMatch(/TS2584 Cannot find name 'document'[^]*TS2304 Cannot find name 'HTMLElement'/)
    }
  })

  it('main, the preload and the CLI see Node types but no DOM', () => {
    for (const path of ['src/main/host/probe.ts', 'src/preload/probe.ts', 'src/cli/probe.ts']) {
      expect(typeErrors('tsconfig.node.json', path, node)).toEqual([])
      expect(typeErrors('tsconfig.node.json', path, dom).join('\n')).toMatch(/TS2584 Cannot find name 'document'/)
    }
  })

  it('npm run typecheck builds every project, and every TypeScript file in the repository belongs to one', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts.typecheck).toBe('tsc -b tsconfig.json')
    const solution = project('tsconfig.json')
    const projects = (solution.projectReferences ?? []).map((r) => r.path.slice(ROOT.length + 1))
    expect(projects.sort()).toEqual(['tsconfig.node.json', 'tsconfig.shared.json', 'tsconfig.ui-test.json', 'tsconfig.web.json'])
    const checked = new Set(projects.flatMap((p) => project(p).fileNames))
    const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.mts'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f !== '')
      .map((f) => join(ROOT, f))
    expect(tracked.filter((f) => !checked.has(f))).toEqual([])
  })
})
