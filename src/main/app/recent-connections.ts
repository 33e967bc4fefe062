/**
 * Recent PostgreSQL connections, persisted as JSON in the user-data folder.
 * The URL is stored without its password; the password only sealed by the
 * SecretBox (Electron's safeStorage), and not at all when the box is not
 * available. The window sees ids and `user@host/db` labels, never URLs.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { DEFAULT_TABLES, type TableNames } from '../../shared/domain'
import type { RecentConnection } from '../../shared/ipc/types'
import { tableNamesSchema } from '../../shared/ipc/schemas'
import { connectionLabel, formatPostgresUrl, parsePostgresUrl, withoutPassword } from '../../shared/postgres-connection'
import { sameConnection } from '../../shared/postgres-identity'
import type { RecentConnections, ResolvedConnection } from '../ipc/deps'
import type { SecretBox } from './secret-box'

/** How many connections the list keeps. */
export const MAX_RECENT_CONNECTIONS = 12

const entrySchema = z.object({ id: z.string(), url: z.string(), sealedPassword: z.string().optional(), tables: tableNamesSchema.optional(), openedAt: z.number() })
const fileSchema = z.object({ version: z.literal(1), connections: z.array(entrySchema) })
type Entry = z.infer<typeof entrySchema>

function sameTables(a: TableNames, b: TableNames): boolean {
  return a.event === b.event && a.action === b.action && a.effect === b.effect && a.trigger === b.trigger
}

/** The id of a password-less URL: stable, and saying nothing about the URL. */
function idOf(url: string): string {
  return `c${createHash('sha256').update(url).digest('hex').slice(0, 16)}`
}

/** The recent-connections list stored in `file` (e.g. `<userData>/recent-connections.json`). */
export class JsonRecentConnections implements RecentConnections {
  /**
   * @param file the JSON file
   * @param secrets seals and opens the passwords
   * @param onChange called after every change (the app rebuilds its Open Recent menu)
   * @param now clock for `openedAt`
   */
  constructor(
    private readonly file: string,
    private readonly secrets: SecretBox,
    private readonly onChange: (connections: RecentConnection[]) => void = () => undefined,
    private readonly now: () => number = Date.now
  ) {}

  /** Most recent first, as the window sees them. */
  list(): RecentConnection[] {
    return this.entries().map((e) => toRecent(e, this.secrets.available))
  }

  /** Record a successful connect to `url` (password sealed or dropped) and return the new list. */
  remember(url: string, tables: TableNames): RecentConnection[] {
    const parts = parsePostgresUrl(url)
    if (!parts) return this.list()
    const bare = formatPostgresUrl(withoutPassword(parts))
    const id = idOf(bare)
    const sealedPassword = parts.password !== null && this.secrets.available ? this.secrets.seal(parts.password) : undefined
    const entry: Entry = { id, url: bare, openedAt: this.now(), ...(sealedPassword ? { sealedPassword } : {}), ...(sameTables(tables, DEFAULT_TABLES) ? {} : { tables: { ...tables } }) }
    // One entry per store: another spelling of the same one (`localhost` for `127.0.0.1`) is replaced, not listed twice.
    const others = this.entries().filter((e) => e.id !== id && !sameConnection(e.url, bare, process.env))
    return this.save([entry, ...others].slice(0, MAX_RECENT_CONNECTIONS))
  }

  /** The URL of entry `id` with its password (a typed `password` wins); null for an unknown id. */
  resolve(id: string, password?: string): ResolvedConnection | null {
    const entry = this.entries().find((e) => e.id === id)
    const parts = entry && parsePostgresUrl(entry.url)
    if (!entry || !parts) return null
    const stored = password ? null : this.unseal(entry.sealedPassword)
    const chosen = password || stored
    return { url: formatPostgresUrl({ ...parts, password: chosen ?? null }), hasPassword: chosen !== null && chosen !== undefined, ...(entry.tables ? { tables: entry.tables } : {}) }
  }

  /** Forget one connection, or all when `id` is absent. */
  forget(id?: string): RecentConnection[] {
    return this.save(id === undefined ? [] : this.entries().filter((e) => e.id !== id))
  }

  /** The entry for the same store as `url` (`sameConnection`: any loopback spelling, a missing port is 5432), or null. */
  find(url: string): RecentConnection | null {
    const entry = this.entries().find((e) => sameConnection(e.url, url, process.env))
    return entry ? toRecent(entry, this.secrets.available) : null
  }

  private unseal(sealed: string | undefined): string | null {
    if (sealed === undefined || !this.secrets.available) return null
    try {
      return this.secrets.open(sealed)
    } catch {
      return null // sealed under another key (another machine or user): ask again
    }
  }

  private entries(): Entry[] {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')))
      return parsed.success ? parsed.data.connections.filter((e) => parsePostgresUrl(e.url) !== null) : []
    } catch {
      return []
    }
  }

  private save(connections: Entry[]): RecentConnection[] {
    mkdirSync(dirname(this.file), { recursive: true })
    const temporary = `${this.file}.tmp`
    writeFileSync(temporary, JSON.stringify({ version: 1, connections }, null, 2), { mode: 0o600 })
    renameSync(temporary, this.file)
    const listed = connections.map((e) => toRecent(e, this.secrets.available))
    this.onChange(listed)
    return listed
  }
}

function toRecent(entry: Entry, canUnseal: boolean): RecentConnection {
  const parts = parsePostgresUrl(entry.url)
  return {
    id: entry.id,
    label: parts ? connectionLabel(parts) : entry.id,
    hasPassword: canUnseal && entry.sealedPassword !== undefined,
    ...(entry.tables ? { tables: entry.tables } : {}),
    openedAt: entry.openedAt
  }
}
