/**
 * A tiny static server for the built renderer on 127.0.0.1 and a free port,
 * sending the app's CSP header with every response (so the tests run under
 * the same policy as the window).
 */
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, relative, resolve, sep } from 'node:path'
import { RENDERER_CSP_HEADER } from '../../src/main/app/csp'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}

/** A running server. */
export interface StaticServer {
  /** Base URL, ending with `/`. */
  readonly url: string
  close(): Promise<void>
}

/** Serve the files under `root` (index.html for `/`). */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root)
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    const file = resolve(base, `.${pathname === '/' ? '/index.html' : pathname}`)
    const inside = relative(base, file)
    if (inside.startsWith('..') || inside.startsWith(sep)) {
      response.writeHead(403).end()
      return
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': RENDERER_CSP_HEADER })
        response.end(body)
      },
      () => response.writeHead(404).end()
    )
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}

