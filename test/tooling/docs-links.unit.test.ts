/**
 * The code's comments point at docs/semantics.md by section; every section
 * they name exists (GitHub's anchors: lower case, spaces to dashes).
 */
import { expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers/build'

const anchor = (heading: string): string => heading.trim().toLowerCase().replace(/[^\w\s-]/g, '').replace(/\s+/g, '-')

it('every docs/semantics.md#section the sources cite is a heading of that page', () => {
  const headings = new Set([...readFileSync(join(ROOT, 'docs/semantics.md'), 'utf8').matchAll(/^#{2,3} (.+)$/gm)].map((m) => anchor(m[1])))
  const cited = execFileSync('git', ['grep', '-ohE', 'semantics\\.md#[a-z0-9-]+', '--', 'src', 'test', 'scripts', 'bench', 'docs', 'README.md', ':!test/tooling'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.slice(line.indexOf('#') + 1))
  expect(cited.length).toBeGreaterThan(10)
  expect([...new Set(cited)].filter((a) => !headings.has(a))).toEqual([])
})
