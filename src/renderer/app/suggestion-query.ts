/** What is typed into the palette, read as a search for the store's suggestions. */

/** The kind (`:book`, null for a bare text) and the rest of `text`, without brackets: `[:book Neu` → `:book`, `Neu`. */
export function suggestionQuery(text: string): { kind: string | null; rest: string } {
  const inner = text.trim().replace(/^\[/, '').replace(/\]$/, '').trim()
  const m = /^(:\S+)(?:\s+(.*))?$/.exec(inner)
  return m === null ? { kind: null, rest: inner } : { kind: m[1], rest: (m[2] ?? '').trim() }
}
