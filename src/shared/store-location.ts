/**
 * Where a store lives: an SQLite file, or a PostgreSQL database named by a
 * connection URL. Pure (no Node, no Electron): the window, the CLI and the
 * adapter factory parse locations the same way.
 */

/** A store's location; the adapter factory chooses the adapter by `kind`. */
export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string }

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i

/**
 * Read a location as the user typed it: a `postgresql://` or `postgres://`
 * URL names a PostgreSQL database, anything else is an SQLite file path.
 */
export function parseStoreLocation(text: string): StoreLocation {
  return POSTGRES_URL.test(text) ? { kind: 'postgres', url: text } : { kind: 'sqlite', path: text }
}

/** The location as the user would type it (the path or the URL). */
export function storeLocationText(location: StoreLocation): string {
  return location.kind === 'sqlite' ? location.path : location.url
}

const USERINFO = /^(postgres(?:ql)?:\/\/)([^/?#]*)@/i
const PASSWORD_PARAM = /([?&]password=)[^&#]*/gi

/**
 * A PostgreSQL URL with its password replaced by `***` (in the user-info part
 * and in a `password=` parameter), for every message, tab and list that shows
 * a URL. Text that is not such a URL is returned unchanged.
 */
export function maskedUrl(url: string): string {
  if (!POSTGRES_URL.test(url)) return url
  const masked = url.replace(USERINFO, (whole, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':')
    return colon < 0 ? whole : `${scheme}${userinfo.slice(0, colon)}:***@`
  })
  return masked.replace(PASSWORD_PARAM, '$1***')
}

/** The location as it may be shown anywhere: the path, or the URL with its password masked. */
export function displayLocation(location: StoreLocation): string {
  return location.kind === 'sqlite' ? location.path : maskedUrl(location.url)
}
