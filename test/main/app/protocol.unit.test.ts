/** The app:// handler serves the built renderer folder and nothing else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { appProtocolHandler, resolveAppPath } from '../../../src/main/app/protocol'
import { tempDir } from '../../helpers/stores'

let dir: ReturnType<typeof tempDir>
let root: string

beforeAll(() => {
  dir = tempDir('app-protocol')
  root = join(dir.path, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}')
  writeFileSync(join(root, 'assets', 'notes.txt'), 'not served')
  mkdirSync(join(root, 'assets', 'folder.js'))
  // A secret beside the renderer folder, and one whose name starts like it.
  writeFileSync(join(dir.path, 'secret.html'), 'secret')
  mkdirSync(join(dir.path, 'renderer-evil'))
  writeFileSync(join(dir.path, 'renderer-evil', 'index.html'), 'evil')
})
afterAll(() => dir.remove())

describe('resolveAppPath', () => {
  it('maps app://renderer/… to files under the root, with their types', () => {
    expect(resolveAppPath(root, 'app://renderer/index.html')).toEqual({ ok: true, file: join(root, 'index.html'), mime: 'text/html; charset=utf-8' })
    expect(resolveAppPath(root, 'app://renderer/')).toMatchObject({ ok: true, file: join(root, 'index.html') })
    expect(resolveAppPath(root, 'app://renderer/assets/index-abc.js?v=1#x')).toMatchObject({ ok: true, mime: 'text/javascript; charset=utf-8' })
    expect(resolveAppPath(root, 'app://renderer/assets/a%20b.css')).toMatchObject({ ok: true, file: join(root, 'assets', 'a b.css'), mime: 'text/css; charset=utf-8' })
  })

  it.each([
    // The URL parser folds these before the handler sees them: they stay inside the root.
    ['dot segments', 'app://renderer/../secret.html', join('renderer', 'secret.html')],
    ['encoded dots', 'app://renderer/%2e%2e/secret.html', join('renderer', 'secret.html')],
    // Decoded once only: a folder literally named "%2e%2e" inside the root.
    ['double-encoded dots', 'app://renderer/%252e%252e/secret.html', join('renderer', '%2e%2e', 'secret.html')]
  ])('keeps %s inside the root', (_what, url, inside) => {
    expect(resolveAppPath(root, url)).toMatchObject({ ok: true, file: join(dir.path, inside) })
  })

  it.each([
    ['encoded slash and dots', 'app://renderer/assets%2f..%2f..%2fsecret.html'],
    ['a backslash', 'app://renderer/..%5csecret.html'],
    ['a NUL byte', 'app://renderer/index.html%00.js'],
    ['a sibling folder with the same prefix', 'app://renderer/..%2frenderer-evil/index.html'],
    ['malformed escapes', 'app://renderer/%E0%A4%A'],
    ['another host', 'app://other/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['an unknown extension', 'app://renderer/assets/notes.txt'],
    ['no extension', 'app://renderer/assets']
  ])('refuses %s', (_what, url) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: false })
  })
})

describe('appProtocolHandler', () => {
  const handler = (): ((request: Request) => Promise<Response>) => appProtocolHandler(root, "default-src 'self'")

  it('serves a file with its MIME type and the CSP', async () => {
    const response = await handler()(new Request('app://renderer/assets/index-abc.js'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'")
    expect(await response.text()).toBe('console.log(1)')
  })

  it.each([
    ['an unknown file', 'app://renderer/assets/missing.js'],
    ['a folder named like a script', 'app://renderer/assets/folder.js'],
    ['encoded dots towards a file beside the root', 'app://renderer/%2e%2e/secret.html'],
    ['an encoded slash and dots', 'app://renderer/assets%2f..%2f..%2fsecret.html'],
    ['a file of a type it does not serve', 'app://renderer/assets/notes.txt']
  ])('answers 404 for %s', async (_what, url) => {
    const response = await handler()(new Request(url))
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('Not found')
  })
})
