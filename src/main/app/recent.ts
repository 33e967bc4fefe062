/** Recent files, persisted as JSON in the user-data folder. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

const MAX_RECENT = 10

/** A recent-files list stored in `file`. */
export function recentFiles(file: string): { list: () => string[]; remember: (path: string) => void } {
  const list = (): string[] => {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
      return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : []
    } catch {
      return []
    }
  }
  const remember = (path: string): void => {
    const next = [path, ...list().filter((p) => p !== path)].slice(0, MAX_RECENT)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(next, null, 2))
  }
  return { list, remember }
}
