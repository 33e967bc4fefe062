/**
 * Which frames may talk to main: only the app window's top frame, showing the
 * app's own renderer (the built index.html over app://, or the dev server's
 * origin during development). Pure, so it is tested without Electron.
 */

/** What Electron tells us about the frame that sent a request. */
export interface SenderFacts {
  /** The request came from the app window's web contents. */
  readonly fromAppWindow: boolean
  /** The frame is that window's top frame (not an iframe). */
  readonly isMainFrame: boolean
  /** The frame's current URL ('' when the frame is gone). */
  readonly url: string
}

/** Strip the query and fragment of a URL; null when it is not a URL. */
function parse(url: string): URL | null {
  try {
    const parsed = new URL(url)
    parsed.hash = ''
    parsed.search = ''
    return parsed
  } catch {
    return null
  }
}

/**
 * True when the sender is our window's top frame showing our renderer.
 * @param rendererUrl the URL the window loads: `app://renderer/index.html` (or a `file://` one), or the dev server URL
 */
export function isTrustedSender(facts: SenderFacts, rendererUrl: string): boolean {
  if (!facts.fromAppWindow || !facts.isMainFrame) return false
  const actual = parse(facts.url)
  const expected = parse(rendererUrl)
  if (!actual || !expected) return false
  if (expected.protocol === 'file:' || expected.protocol === 'app:') {
    return actual.protocol === expected.protocol && actual.host === expected.host && actual.pathname === expected.pathname
  }
  return actual.origin === expected.origin && (expected.protocol === 'http:' || expected.protocol === 'https:')
}
