/**
 * The renderer's Content-Security-Policy: nothing remote, scripts only from
 * the app's own files; Mantine needs inline styles. Used by the window's
 * response headers, the built index.html (meta tag) and the test harness.
 */

const common = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'"
]

/** The policy of the built renderer. */
export const RENDERER_CSP = [...common, "script-src 'self'", "connect-src 'self'"].join('; ')

/** The same as a response header, where `frame-ancestors` also applies. */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`

/** During `electron-vite dev` only: Vite's client needs its inline preamble and a websocket. */
export const DEV_RENDERER_CSP = [...common, "script-src 'self' 'unsafe-inline'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"].join('; ')
