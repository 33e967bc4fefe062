/**
 * A display tree of an EDN value for the window: collections keep their
 * shape, every leaf carries the exact text Clojure prints for it. Plain
 * data (no bigint), so it crosses IPC as is and the renderer needs no reader.
 */

/** A leaf's type, for colouring. */
export type EdnLeafType = 'nil' | 'bool' | 'str' | 'char' | 'int' | 'float' | 'bigdec' | 'kw' | 'sym' | 'inst' | 'uuid'

/** One node of the tree. `text` of a collection is its whole printed form. */
export type EdnTree =
  | { readonly t: 'leaf'; readonly type: EdnLeafType; readonly text: string }
  | { readonly t: 'map'; readonly text: string; readonly entries: readonly (readonly [EdnTree, EdnTree])[] }
  | { readonly t: 'vec' | 'list' | 'set'; readonly text: string; readonly items: readonly EdnTree[] }
  | { readonly t: 'tagged'; readonly text: string; readonly tag: string; readonly value: EdnTree }
