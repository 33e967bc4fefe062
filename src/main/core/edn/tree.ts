/**
 * EDN value → display tree (src/shared/edn-tree.ts), every text printed like
 * Clojure's `pr-str`, and map entries and set elements in the order Clojure
 * iterates and prints them (hash order for sets and maps over 8 entries), so
 * the tree reads in the same order as its printed text.
 */
import type { EdnValue } from '../../../shared/edn-value'
import type { EdnTree } from '../../../shared/edn-tree'
import { clojureOrder } from './hash-order'
import { printEdn } from './printer'

/** The display tree of `value`. */
export function ednTree(value: EdnValue): EdnTree {
  switch (value.t) {
    case 'map':
      return { t: 'map', text: printEdn(value), entries: clojureOrder(value).map(([k, v]) => [ednTree(k), ednTree(v)] as const) }
    case 'set':
      return { t: 'set', text: printEdn(value), items: clojureOrder(value).map(ednTree) }
    case 'vec':
    case 'list':
      return { t: value.t, text: printEdn(value), items: value.items.map(ednTree) }
    case 'tagged':
      return { t: 'tagged', text: printEdn(value), tag: value.tag, value: ednTree(value.value) }
    default:
      return { t: 'leaf', type: value.t, text: printEdn(value) }
  }
}
