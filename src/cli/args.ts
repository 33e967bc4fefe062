/**
 * Argument parsing for the `coherence` CLI: one spec per command, strict
 * (unknown options are errors), with `--help` text for each.
 */
import { parseArgs } from 'node:util'
import type { TableNames } from '../shared/domain'
import { DEFAULT_TABLES, libraryTableNames } from '../shared/domain'
import { maskedUrl } from '../shared/store-location'

/** A usage error: the message is printed with a hint to `--help`, exit code 1. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

type OptionSpec = { type: 'string' | 'boolean' }

/** A command's options and help text. */
export interface CommandSpec {
  readonly usage: string
  readonly summary: string
  readonly options: Record<string, OptionSpec>
  readonly help: string
  /** Names of the positional arguments (default one, FILE). */
  readonly positionals?: readonly string[]
}

const TABLES_HELP =
  '  --tables event=E,action=A,effect=F,trigger=T\n' +
  '                 table names (defaults: events, actions, effects, triggers);\n' +
  '                 a dash becomes an underscore, as in the library (my-events: my_events)\n'

/** Every command of the CLI. */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  init: {
    usage: 'coherence init FILE [--tables …]',
    summary: 'create a store (the library\'s schema) in FILE',
    options: { tables: { type: 'string' } },
    help: TABLES_HELP
  },
  rebase: {
    usage: 'coherence rebase FILE --base N [--resolved 1,2,…] [--dry] [--verify] [--tables …]  < events.edn',
    summary: 'append the EDN vector of new events on stdin on top of base N',
    options: { base: { type: 'string' }, resolved: { type: 'string' }, dry: { type: 'boolean' }, verify: { type: 'boolean' }, tables: { type: 'string' } },
    help:
      '  --base N       the first seq-no the caller has not seen (1 when it has seen nothing)\n' +
      '  --resolved L   comma-separated seq-nos treated as resolved conflicts\n' +
      '  --dry          check and assign seq-nos, but write nothing\n' +
      '  --verify       SQLite: run quick_check first and refuse a damaged file\n' +
      TABLES_HELP +
      'Prints the result map as EDN. Exit 0 for :ok, 2 for :conflict, :invalid-seq-no or\n' +
      ':write-conflict, 1 for an error (the file is unchanged), 3 when the events were\n' +
      'written but printing the result failed (see them with coherence read --offset N).\n'
  },
  read: {
    usage: 'coherence read FILE [--offset N] [--aggregates EDN] [--kinds EDN] [--tables …]',
    summary: 'print the action events from offset N with replay, as an EDN vector',
    options: { offset: { type: 'string' }, aggregates: { type: 'string' }, kinds: { type: 'string' }, tables: { type: 'string' } },
    help:
      '  --offset N       first seq-no to read (0 or 1: everything; default 0)\n' +
      '  --aggregates V   only these aggregates, an EDN vector of identities: [[:book "Neuromancer"]]\n' +
      '  --kinds V        only these aggregate kinds, an EDN vector of keywords: [:book :receipt]\n' +
      TABLES_HELP
  },
  'seq-no': {
    usage: 'coherence seq-no FILE [--tables …]',
    summary: 'print the highest seq-no (0 when empty)',
    options: { tables: { type: 'string' } },
    help: TABLES_HELP
  },
  conflicts: {
    usage: 'coherence conflicts FILE --offset N --aggregate EDN [--tables …]',
    summary: 'print the events rebase would treat as conflicts for an aggregate',
    options: { offset: { type: 'string' }, aggregate: { type: 'string' }, tables: { type: 'string' } },
    help:
      '  --offset N       first seq-no to consider\n' +
      '  --aggregate ID   the aggregate identity in EDN: [:book "Neuromancer"]\n' +
      TABLES_HELP
  },
  copy: {
    usage: 'coherence copy FROM TO [--tables …]',
    summary: 'copy every row of the store FROM into TO (a new or empty file, or a database without the store tables or with them empty), all or nothing',
    options: { tables: { type: 'string' } },
    positionals: ['FROM', 'TO'],
    help:
      TABLES_HELP +
      'TO must not exist or be empty; a file is written as a temporary file and renamed at the\n' +
      'end, a database gets its tables and rows in one transaction, so a failed or interrupted\n' +
      'copy leaves nothing. Cells are copied byte for byte.\n' +
      'Progress goes to stderr when it is a terminal. Exit 0 copied, 1 nothing written.\n'
  },
  index: {
    usage: 'coherence index FILE [--tables …]',
    summary: 'add an index on the trigger table\'s seq_no (fast conflict checks on large stores; the library keeps working with it)',
    options: { tables: { type: 'string' } },
    help:
      TABLES_HELP +
      'Runs CREATE INDEX IF NOT EXISTS "<trigger table>_seq_no_idx" ON "<trigger table>" ("seq_no"),\n' +
      'the only change; nothing when an index on seq_no already exists. Exit 0 done, 1 nothing changed\n' +
      '(a read-only file, a role that may not create it, an unreachable server).\n'
  },
  check: {
    usage: 'coherence check FILE [--tables …]',
    summary: 'check the store\'s integrity (never writes); exit 0 healthy, 1 problems',
    options: { tables: { type: 'string' } },
    help: TABLES_HELP
  }
}

/** Top-level help. */
export function mainHelp(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`)
  return (
    `coherence — inspect and append to coherence event stores (SQLite or PostgreSQL)\n\nUsage:\n${lines.join('\n')}\n\n` +
    'FILE is an SQLite store file or a PostgreSQL URL, postgresql://user[:password]@host[:port]/dbname\n' +
    '(or postgres://…); PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE fill what the URL leaves out.\n\n' +
    'Run "coherence COMMAND --help" for a command\'s options.\n'
  )
}

/** Help for one command. */
export function commandHelp(name: string): string {
  const c = COMMANDS[name]
  return `Usage: ${c.usage}\n${c.summary[0].toUpperCase()}${c.summary.slice(1)}.\n\nOptions:\n${c.help}  --help         show this help\n`
}

/** Parsed command line of one command. */
export interface ParsedCommand {
  readonly command: string
  readonly file: string
  /** The second positional argument of a command that takes two (copy's TO). */
  readonly target?: string
  readonly values: Record<string, string | boolean | undefined>
  readonly tables: TableNames
}

/** Parse `--tables event=E,action=A,…`; unspecified keys keep their defaults; `-` becomes `_` as in the library. */
export function parseTables(text: string | undefined): TableNames {
  if (text === undefined) return DEFAULT_TABLES
  const tables: Record<string, string> = { ...DEFAULT_TABLES }
  for (const part of text.split(',')) {
    const [key, value, ...rest] = part.split('=')
    if (!['event', 'action', 'effect', 'trigger'].includes(key) || !value || rest.length > 0) {
      throw new UsageError(`--tables expects event=E,action=A,effect=F,trigger=T; "${part}" is not one of those.`)
    }
    tables[key] = value
  }
  return libraryTableNames(tables as unknown as TableNames)
}

/** Parse a positive (or, with `allowZero`, non-negative) integer option. */
export function parseSeqNo(name: string, text: string | undefined, allowZero = false): number {
  if (text === undefined) throw new UsageError(`--${name} is required.`)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || (!allowZero && Number(text) === 0)) {
    throw new UsageError(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer; got "${text}".`)
  }
  return Number(text)
}

/** One line for an error of `parseArgs` (whose own messages run to three lines). */
function parseArgsProblem(e: Error & { code?: string }, args: readonly string[]): string {
  const option = /'(--?[\w-]+)/.exec(e.message)?.[1]
  if (/ambiguous/.test(e.message) && option !== undefined) {
    const value = args[args.indexOf(option) + 1] ?? ''
    return `${option} needs a value, and "${value}" looks like an option; write ${option}=${value} if you mean it as the value.`
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    return /does not take an argument/.test(e.message) ? `${option} takes no value.` : `${option} needs a value.`
  }
  return e.message.split('\n')[0].replace(/\. To specify a positional argument.*$/s, '.')
}

/** Parse argv (without node and script); returns null when help was printed instead. */
export function parseCommandLine(argv: readonly string[]): ParsedCommand | { help: string } {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { help: mainHelp() }
  const spec = COMMANDS[command]
  if (!spec) throw new UsageError(`"${command}" is not a command. Commands: ${Object.keys(COMMANDS).join(', ')}.`)
  let parsed
  try {
    parsed = parseArgs({ args: [...rest], options: { ...spec.options, help: { type: 'boolean' } }, allowPositionals: true, strict: true, tokens: true })
  } catch (e) {
    throw new UsageError(parseArgsProblem(e as Error & { code?: string }, rest))
  }
  const given = parsed.tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : []))
  const repeated = given.find((name, i) => given.indexOf(name) !== i)
  if (repeated !== undefined) throw new UsageError(`--${repeated} is given more than once; give each option once.`)
  if (parsed.values.help) return { help: commandHelp(command) }
  const names = spec.positionals ?? ['FILE']
  if (parsed.positionals.length < names.length) throw new UsageError(`${names[parsed.positionals.length]} is missing.`)
  if (parsed.positionals.length > names.length) {
    throw new UsageError(`Only ${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} expected; got ${parsed.positionals.map(maskedUrl).join(' ')}.`)
  }
  const values = parsed.values as Record<string, string | boolean | undefined>
  const [file, target] = parsed.positionals
  return { command, file, ...(target === undefined ? {} : { target }), values, tables: parseTables(values.tables as string | undefined) }
}
