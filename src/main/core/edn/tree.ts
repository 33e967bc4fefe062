/** EDN value → display tree (src/shared/edn-tree.ts), every text printed like Clojure's `pr-str`. */
import type { EdnValue } from '../../../shared/edn-value'
import type { EdnTree } from '../../../shared/edn-tree'
import { printEdn } from './printer'

/** The display tree of `value`. */
export function ednTree(value: EdnValue): EdnTree {
  switch (value.t) {
    case 'map':
      return { t: 'map', text: printEdn(value), entries: value.entries.map(([k, v]) => [ednTree(k), ednTree(v)] as const) }
    case 'vec':
    case 'list':
    case 'set':
      return { t: value.t, text: printEdn(value), items: value.items.map(ednTree) }
    case 'tagged':
      return { t: 'tagged', text: printEdn(value), tag: value.tag, value: ednTree(value.value) }
    default:
      return { t: 'leaf', type: value.t, text: printEdn(value) }
  }
}
