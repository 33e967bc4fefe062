/**
 * EDN text laid out as Clojure's `pprint` lays out data: a form that fits in
 * the line (72 columns) stays on it; a map that does not puts each entry on
 * its own line after `{`, entries separated by `,`; a vector, list or set puts
 * each element on its own line after its opening bracket. Works on the
 * printed text (pr-str), so atoms — strings, numbers, keywords, tagged
 * literals such as `#inst "…"` — are kept exactly as printed. Pure: unit
 * tested. Text it cannot parse is returned as it was.
 */

type Node = { readonly atom: string } | { readonly open: string; readonly close: string; readonly items: readonly Node[] }

/** pprint's default right margin. */
export const PRETTY_WIDTH = 72

const CLOSE: Record<string, string> = { '{': '}', '[': ']', '(': ')', '#{': '}' }

/** Split pr-str text into tokens: brackets, strings, character literals, tags and other atoms. */
function tokenize(text: string): string[] {
  const tokens: string[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === ' ' || c === ',' || c === '\n' || c === '\t' || c === '\r') i++
    else if (c === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      tokens.push(text.slice(i, j + 1))
      i = j + 1
    } else if (c === '#' && text[i + 1] === '{') {
      tokens.push('#{')
      i += 2
    } else if ('{}[]()'.includes(c)) tokens.push(text[i++])
    else {
      let j = i + (c === '\\' ? 2 : 1)
      while (j < text.length && !' ,\n\t\r{}[]()"'.includes(text[j])) j++
      tokens.push(text.slice(i, j))
      i = j
    }
  }
  return tokens
}

function parse(tokens: readonly string[]): Node[] | null {
  let at = 0
  const form = (): Node | null => {
    const token = tokens[at++]
    if (token === undefined || '}])'.includes(token)) return null
    if (token.startsWith('#') && token !== '#{' && !token.startsWith('#"')) {
      // A tagged literal: the tag and its form stay together, as printed.
      const value = form()
      return value && 'atom' in value ? { atom: `${token} ${value.atom}` } : null
    }
    if (!(token in CLOSE)) return { atom: token }
    const items: Node[] = []
    while (tokens[at] !== CLOSE[token]) {
      if (at >= tokens.length) return null
      const item = form()
      if (!item) return null
      items.push(item)
    }
    at++
    return { open: token, close: CLOSE[token], items }
  }
  const forms: Node[] = []
  while (at < tokens.length) {
    const f = form()
    if (!f) return null
    forms.push(f)
  }
  return forms
}

function flat(node: Node): string {
  if ('atom' in node) return node.atom
  const parts = node.open === '{' ? pairs(node.items).map(([k, v]) => `${flat(k)} ${flat(v)}`).join(', ') : node.items.map(flat).join(' ')
  return `${node.open}${parts}${node.close}`
}

function pairs(items: readonly Node[]): [Node, Node][] {
  const out: [Node, Node][] = []
  for (let i = 0; i + 1 < items.length; i += 2) out.push([items[i], items[i + 1]])
  return out
}

/**
 * `node` laid out starting at `column` (the first line is not indented; the
 * others are), with `trailing` characters (closing brackets, a comma) after it
 * on its last line.
 */
function layout(node: Node, column: number, width: number, trailing: number): string {
  const one = flat(node)
  if ('atom' in node || column + one.length + trailing <= width || node.items.length === 0) return one
  const inner = column + node.open.length
  const pad = ' '.repeat(inner)
  const lastAfter = (i: number, count: number, separator: number): number => (i === count - 1 ? trailing + node.close.length : separator)
  if (node.open === '{' && node.items.length % 2 === 0) {
    const all = pairs(node.items)
    const entries = all.map(([k, v], i) => {
      const key = flat(k)
      const after = lastAfter(i, all.length, 1)
      // The entry on one line when it fits; otherwise the key alone and its value below it.
      if (inner + key.length + 1 + flat(v).length + after <= width) return `${key} ${flat(v)}`
      return `${key}\n${pad}${layout(v, inner, width, after)}`
    })
    return `${node.open}${entries.join(`,\n${pad}`)}${node.close}`
  }
  const items = node.items.map((item, i) => layout(item, inner, width, lastAfter(i, node.items.length, 0)))
  return `${node.open}${items.join(`\n${pad}`)}${node.close}`
}

/** `text` (one or more EDN forms as pr-str prints them) pretty-printed; unparseable text comes back unchanged. */
export function prettyEdn(text: string, width = PRETTY_WIDTH): string {
  const forms = parse(tokenize(text))
  return forms ? forms.map((f) => layout(f, 0, width, 0)).join('\n') : text
}
