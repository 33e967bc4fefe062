/**
 * The renderer is served over `app://renderer/…`, a privileged custom scheme,
 * instead of `file://`: the page gets a real origin of its own (so the CSP's
 * 'self' means the app's files and nothing else on disk), and the handler
 * serves only files under the built renderer folder, with known MIME types.
 * Anything else — other hosts, `..` in any spelling, folders, unknown
 * extensions, missing files — is a 404.
 */
import { readFile, stat } from 'node:fs/promises'
import { extname, posix, resolve, sep } from 'node:path'

/** The scheme and host of the app's own pages. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'renderer'
/** The window's start URL. */
export const APP_RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * How the scheme is registered (before the app is ready): standard (a real
 * origin, relative URLs), secure (like https), allowed to fetch its own files.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const

/** The content types the renderer's build produces; any other extension is not served. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm'
}

/** Where a request goes: a file under the root with its type, or not found. */
export type AppPathResolution = { readonly ok: true; readonly file: string; readonly mime: string } | { readonly ok: false }

/**
 * The file `url` names under `root`, by the URL alone (no disk access).
 * Percent-escapes are decoded once, then the path is normalised; a path that
 * leaves `root`, or holds a backslash or NUL, is not found.
 */
export function resolveAppPath(root: string, url: string): AppPathResolution {
  let parsed: URL
  let pathname: string
  try {
    parsed = new URL(url)
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return { ok: false }
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false }
  if (pathname.includes('\\') || pathname.includes('\u0000')) return { ok: false }
  // Dot segments the URL parser did not fold (they were percent-encoded) are refused outright.
  if (pathname.split('/').some((segment) => segment === '..' || segment === '.')) return { ok: false }
  const relative = posix.normalize(pathname === '/' ? '/index.html' : pathname)
  const base = resolve(root)
  const file = resolve(base, `.${relative}`)
  if (!file.startsWith(base + sep)) return { ok: false }
  const mime = MIME_TYPES[extname(file).toLowerCase()]
  return mime ? { ok: true, file, mime } : { ok: false }
}

const notFound = (): Response => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/**
 * The `protocol.handle` callback serving `root` (the built renderer folder);
 * every response carries `csp`.
 */
export function appProtocolHandler(root: string, csp: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const found = resolveAppPath(root, request.url)
    if (!found.ok || request.method !== 'GET') return notFound()
    try {
      if (!(await stat(found.file)).isFile()) return notFound()
      const body = await readFile(found.file)
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: { 'content-type': found.mime, 'content-security-policy': csp, 'x-content-type-options': 'nosniff' }
      })
    } catch {
      return notFound()
    }
  }
}
