/**
 * Recent files, persisted as JSON in the user-data folder. A missing or
 * damaged file means an empty list (never an error at start-up).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { DEFAULT_TABLES, type TableNames } from '../../shared/domain'
import type { RecentFile } from '../../shared/ipc/types'
import { filePathSchema, tableNamesSchema } from '../../shared/ipc/schemas'
import type { RecentFiles } from '../ipc/deps'

/** How many files the list keeps. */
export const MAX_RECENT_FILES = 12

const fileSchema = z.object({
  version: z.literal(1),
  files: z.array(z.object({ path: filePathSchema, tables: tableNamesSchema.optional(), openedAt: z.number() }))
})

function sameTables(a: TableNames, b: TableNames): boolean {
  return a.event === b.event && a.action === b.action && a.effect === b.effect && a.trigger === b.trigger
}

/** The recent-files list stored in `file` (e.g. `<userData>/recent-files.json`). */
export class JsonRecentFiles implements RecentFiles {
  /**
   * @param file the JSON file
   * @param onChange called after every change (the app rebuilds its Open Recent menu)
   * @param now clock for `openedAt`
   */
  constructor(
    private readonly file: string,
    private readonly onChange: (files: RecentFile[]) => void = () => undefined,
    private readonly now: () => number = Date.now
  ) {}

  /** Most recent first. */
  list(): RecentFile[] {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')))
      return parsed.success ? parsed.data.files : []
    } catch {
      return []
    }
  }

  /** Move `path` to the top, with its table names when they are not the defaults. */
  remember(path: string, tables: TableNames): RecentFile[] {
    const entry: RecentFile = sameTables(tables, DEFAULT_TABLES)
      ? { path, openedAt: this.now() }
      : { path, tables: { ...tables }, openedAt: this.now() }
    return this.save([entry, ...this.list().filter((f) => f.path !== path)].slice(0, MAX_RECENT_FILES))
  }

  /** Remove `path`, or everything when no path is given. */
  forget(path?: string): RecentFile[] {
    return this.save(path === undefined ? [] : this.list().filter((f) => f.path !== path))
  }

  private save(files: RecentFile[]): RecentFile[] {
    mkdirSync(dirname(this.file), { recursive: true })
    // Write a sibling first, then rename: a crash never leaves half a file.
    const temporary = `${this.file}.tmp`
    writeFileSync(temporary, JSON.stringify({ version: 1, files }, null, 2))
    renameSync(temporary, this.file)
    this.onChange(files)
    return files
  }
}
