/**
 * Zod schemas of the Connect to PostgreSQL dialog's requests. Main connects
 * only to what these let through: a form the user typed (validated as a
 * PostgreSQL URL or fields) or an id of main's own recent-connections list —
 * never a URL the window names from anywhere else.
 */
import { z } from 'zod'
import { formParts, type PostgresForm } from '../postgres-connection'

const noControl = (text: string): boolean => [...text].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
const text = (max: number) => z.string().max(max).refine(noControl, 'must not contain control characters')
const password = z.string().max(1024).refine((p) => !p.includes('\u0000'), 'must not contain NUL characters').optional()

/** Query options a typed URL may carry (anything else is refused, so a URL cannot redirect the connection elsewhere). */
export const ALLOWED_URL_OPTIONS = ['sslmode', 'application_name', 'connect_timeout'] as const

function optionsAllowed(query: string): boolean {
  return query === '' || query.split('&').every((pair) => (ALLOWED_URL_OPTIONS as readonly string[]).includes(pair.split('=')[0]))
}

const urlForm = z.strictObject({ via: z.literal('url'), url: text(2048).pipe(z.string().min(1)), password })
const fieldsForm = z.strictObject({
  via: z.literal('fields'),
  host: text(255).pipe(z.string().min(1)).refine((h) => /^[A-Za-z0-9._-]+$|^\[[0-9A-Fa-f:.]+\]$/.test(h), 'must be a host name or an IP address'),
  port: z.number().int().min(1).max(65535).optional(),
  database: text(63).pipe(z.string().min(1)),
  user: text(63).pipe(z.string().min(1)),
  password
})

/** The dialog's form, checked to name a PostgreSQL database with a host, a database and allowed options only. */
export const postgresFormSchema = z
  .discriminatedUnion('via', [urlForm, fieldsForm])
  .refine((form: PostgresForm) => {
    const parts = formParts(form)
    return parts !== null && parts.host !== '' && parts.database !== '' && optionsAllowed(parts.query)
  }, 'must be a PostgreSQL URL such as postgresql://user@host:5432/db (options: sslmode, application_name, connect_timeout)')

/** The id of an entry of main's recent-connections list. */
export const recentConnectionIdSchema = z.string().regex(/^c[0-9a-f]{16}$/, 'must be a recent connection id')

/** What to connect to: the typed form, or a recent connection (with a password when main has none stored). */
export const postgresTargetSchema = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('form'), form: postgresFormSchema }),
  z.strictObject({ source: z.literal('recent'), id: recentConnectionIdSchema, password })
])
