/**
 * PostgreSQL connections as the Connect dialog describes them: a URL, or
 * host/port/database/user fields, each with an optional password. Pure (no
 * Node, no DOM): main builds the URL it connects to from the validated form,
 * and every place that shows a connection shows `user@host/db`, never the
 * password.
 */

/** What the user typed into the Connect dialog. */
export type PostgresForm =
  | { readonly via: 'url'; readonly url: string; readonly password?: string }
  | {
      readonly via: 'fields'
      readonly host: string
      readonly port?: number
      readonly database: string
      readonly user: string
      readonly password?: string
    }

/** The parts of a `postgres://` / `postgresql://` URL. */
export interface PostgresUrlParts {
  readonly user: string
  readonly password: string | null
  readonly host: string
  readonly port: number | null
  readonly database: string
  /** The query string without `?` ('' when none). */
  readonly query: string
}

const SCHEME = /^postgres(?:ql)?:\/\//i

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

/**
 * Split a PostgreSQL URL; null when it is not one this app accepts. The last
 * `@` ends the user info, so a password with a raw `@` or `/` still parses.
 */
export function parsePostgresUrl(url: string): PostgresUrlParts | null {
  return splitPostgresUrl(url, false)
}

/**
 * `parsePostgresUrl`, or with `emptyHost` also a URL without a host
 * (`postgresql:///db`, `postgresql://`), whose host is then '' — libpq fills
 * it from PGHOST (see `postgresIdentity`); the app itself only connects to
 * URLs that name their host.
 */
export function splitPostgresUrl(url: string, emptyHost: boolean): PostgresUrlParts | null {
  const scheme = SCHEME.exec(url)
  if (!scheme) return null
  const rest = url.slice(scheme[0].length)
  const at = rest.lastIndexOf('@')
  const userInfo = at < 0 ? '' : rest.slice(0, at)
  const hostPart = at < 0 ? rest : rest.slice(at + 1)
  const match = /^([^/?#:]*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?(?:\/([^?#]*))?(?:\?([^#]*))?$/.exec(hostPart)
  if (!match || (match[1] === '' && !emptyHost)) return null
  const colon = userInfo.indexOf(':')
  const user = decode(colon < 0 ? userInfo : userInfo.slice(0, colon))
  const password = colon < 0 ? null : decode(userInfo.slice(colon + 1))
  const database = decode(match[3] ?? '')
  const port = match[2] === undefined ? null : Number(match[2])
  if (user === null || database === null || (colon >= 0 && password === null) || (port !== null && (port < 1 || port > 65535))) return null
  return { user, password, host: match[1], port, database, query: match[4] ?? '' }
}

/** The URL of `parts` (user, password and database percent-encoded). */
export function formatPostgresUrl(parts: PostgresUrlParts): string {
  const auth = parts.user === '' ? '' : `${encodeURIComponent(parts.user)}${parts.password === null ? '' : `:${encodeURIComponent(parts.password)}`}@`
  const port = parts.port === null ? '' : `:${parts.port}`
  const query = parts.query === '' ? '' : `?${parts.query}`
  return `postgresql://${auth}${parts.host}${port}/${encodeURIComponent(parts.database)}${query}`
}

/** The URL-shaped parts of a form; the form's password (when given) wins over one in the URL. */
export function formParts(form: PostgresForm): PostgresUrlParts | null {
  const password = form.password === undefined || form.password === '' ? null : form.password
  if (form.via === 'fields') {
    return { user: form.user, password, host: form.host, port: form.port ?? null, database: form.database, query: '' }
  }
  const parts = parsePostgresUrl(form.url.trim())
  return parts && { ...parts, password: password ?? parts.password }
}

/** `parts` without its password. */
export function withoutPassword(parts: PostgresUrlParts): PostgresUrlParts {
  return { ...parts, password: null }
}

/** How a connection is shown (tabs, header, recents): `user@host/db`, never the password. */
export function connectionLabel(parts: PostgresUrlParts): string {
  return `${parts.user === '' ? '' : `${parts.user}@`}${parts.host}/${parts.database}`
}

/** `connectionLabel` of a URL, or the URL with anything after the scheme hidden when it does not parse. */
export function connectionLabelOf(url: string): string {
  const parts = parsePostgresUrl(url)
  return parts ? connectionLabel(parts) : 'postgresql://…'
}

/** `url` without any password: none in the user info, no `password=` parameter; null when it is not a PostgreSQL URL. */
export function passwordlessUrl(url: string): string | null {
  const parts = parsePostgresUrl(url)
  if (!parts) return null
  const query = parts.query.split('&').filter((p) => p !== '' && !/^password=/i.test(p)).join('&')
  return formatPostgresUrl({ ...withoutPassword(parts), query })
}
