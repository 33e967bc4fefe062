/**
 * The display tree reads in the order of its printed text: for any EDN value,
 * re-assembling the tree's leaves gives exactly `printEdn` (so maps over 8
 * entries and sets list their children in Clojure's hash order, as printed).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EdnTree } from '../../../../src/shared/edn-tree'
import { ednTree, printEdn, readEdn } from '../../../../src/main/core/edn'
import { arbitraryEdn } from './arbitrary'

/** The text a tree prints as, built from its children only. */
function assemble(tree: EdnTree): string {
  switch (tree.t) {
    case 'leaf':
      return tree.text
    case 'map':
      return `{${tree.entries.map(([k, v]) => `${assemble(k)} ${assemble(v)}`).join(', ')}}`
    case 'vec':
      return `[${tree.items.map(assemble).join(' ')}]`
    case 'list':
      return `(${tree.items.map(assemble).join(' ')})`
    case 'set':
      return `#{${tree.items.map(assemble).join(' ')}}`
    case 'tagged':
      return `#${tree.tag} ${assemble(tree.value)}`
  }
}

describe('the EDN display tree', () => {
  it('lists a big map’s entries and a set’s elements in printed (hash) order', () => {
    const value = readEdn('{"a" 1, "b" 2, "c" 3, "d" 4, "e" 5, "f" 6, "g" 7, "h" 8, "i" 9, "j" 10}')
    const tree = ednTree(value)
    expect(tree.t === 'map' && tree.entries.map(([k]) => k.text).join(' ')).toBe('"d" "f" "e" "j" "a" "i" "b" "g" "h" "c"')
    expect(tree.text).toBe('{"d" 4, "f" 6, "e" 5, "j" 10, "a" 1, "i" 9, "b" 2, "g" 7, "h" 8, "c" 3}')
    const set = ednTree(readEdn('#{:scifi :cyberpunk :a :b :c}'))
    expect(set.t === 'set' && set.items.map((i) => i.text).join(' ')).toBe(':scifi :c :cyberpunk :b :a')
  })

  it('re-assembles to exactly the printed text for any value (plain maps, no namespace syntax)', () => {
    fc.assert(
      fc.property(arbitraryEdn(), (value) => {
        const printed = printEdn(value)
        // Namespaced maps print as #:ns{…} only on request; the plain form is what the tree shows.
        expect(assemble(ednTree(value))).toBe(printed)
      }),
      { numRuns: 300 }
    )
  })
})
