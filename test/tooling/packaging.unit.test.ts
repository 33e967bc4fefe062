/**
 * The packaging config flips Electron's fuses for packaged builds (electron-builder's
 * `electronFuses`). No YAML parser is installed, so the block is read line by line.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers/build'

function fuses(): Record<string, string> {
  const lines = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8').split('\n')
  const start = lines.indexOf('electronFuses:')
  const block: Record<string, string> = {}
  for (const line of start < 0 ? [] : lines.slice(start + 1)) {
    const match = /^ {2}(\w+): (\w+)$/.exec(line)
    if (!match) break
    block[match[1]] = match[2]
  }
  return block
}

describe('electron-builder.yml', () => {
  it('sets the fuses: no run-as-node, NODE_OPTIONS or inspect flags; encrypted cookies; asar only, integrity checked', () => {
    expect(fuses()).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true'
    })
  })
})
