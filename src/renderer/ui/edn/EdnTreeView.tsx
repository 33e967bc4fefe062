/**
 * A collapsible view of an EDN display tree (src/shared/edn-tree.ts): map
 * entries and collection items one per row, leaves coloured by type, every
 * collapsed collection previewed by its printed text, each row copyable, and
 * an optional annotation at the end of each row (e.g. which event set a key).
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { ActionIcon, Button, CopyButton, Group, Text, Tooltip, UnstyledButton } from '@mantine/core'
import type { EdnTree } from '../../../shared/edn-tree'
import classes from './EdnTreeView.module.css'

/** Props of `EdnTreeView`. */
export interface EdnTreeViewProps {
  readonly tree: EdnTree
  /** Collections nested less deeply than this start expanded (default 2). */
  readonly defaultExpandDepth?: number
  /**
   * Something to show at the end of a row. `path` holds the printed text of
   * each map key from the root (an item of a vector, list or set contributes
   * its index as text).
   */
  readonly annotate?: (path: string[]) => ReactNode
}

type Collection = Exclude<EdnTree, { t: 'leaf' }>

/** The children of a collection as `[step, label, value]`. */
function childrenOf(node: Collection): { step: string; label: EdnTree | null; value: EdnTree }[] {
  if (node.t === 'map') return node.entries.map(([key, value]) => ({ step: key.text, label: key, value }))
  if (node.t === 'tagged') return [{ step: '0', label: null, value: node.value }]
  return node.items.map((value, index) => ({ step: String(index), label: null, value }))
}

function sizeText(node: Collection): string {
  if (node.t === 'map') return `${node.entries.length} ${node.entries.length === 1 ? 'key' : 'keys'}`
  if (node.t === 'tagged') return `#${node.tag}`
  return `${node.t === 'vec' ? 'vector' : node.t} · ${node.items.length} ${node.items.length === 1 ? 'item' : 'items'}`
}

/** A leaf (or a collection used as a map key) in its colour. */
function Leaf({ node }: { node: EdnTree }): ReactNode {
  if (node.t !== 'leaf') return <span className={classes.punct}>{node.text}</span>
  return <span className={classes[node.type]}>{node.text}</span>
}

function CopyText({ text }: { text: string }): ReactNode {
  return (
    <CopyButton value={text}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : 'Copy the value as EDN'} withArrow openDelay={400}>
          <ActionIcon className={classes.copy} variant="subtle" color="gray" size="sm" onClick={copy} aria-label="Copy the value as EDN">
            <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden="true">
              <rect x="9" y="9" width="11" height="11" rx="2" />
              <path d="M5 15V6a2 2 0 0 1 2-2h9" />
            </svg>
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  )
}

interface NodeContext {
  readonly isOpen: (path: readonly string[], depth: number) => boolean
  readonly toggle: (path: readonly string[], open: boolean) => void
  readonly annotate?: (path: string[]) => ReactNode
}

const pathKey = (path: readonly string[]): string => path.join('\u0000')

function Row({ label, value, path, depth, context }: { label: EdnTree | null; value: EdnTree; path: string[]; depth: number; context: NodeContext }): ReactNode {
  const collection = value.t === 'leaf' ? null : value
  const open = collection !== null && context.isOpen(path, depth)
  const step = path[path.length - 1]
  return (
    <div data-path={path.join(' ')}>
      <div className={classes.row}>
        {collection ? (
          <UnstyledButton
            className={classes.toggle}
            onClick={() => context.toggle(path, !open)}
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${step}`}
          >
            <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.4} aria-hidden="true" style={{ transform: open ? 'rotate(90deg)' : undefined }}>
              <path d="M9 6l6 6-6 6" />
            </svg>
          </UnstyledButton>
        ) : (
          <span className={classes.spacer} />
        )}
        <span className={classes.key}>{label ? <Leaf node={label} /> : <span className={classes.punct}>{step}</span>}</span>
        {collection === null ? (
          <span className={classes.value}>
            <Leaf node={value} />
          </span>
        ) : open ? (
          <span className={`${classes.value} ${classes.punct}`}>{sizeText(collection)}</span>
        ) : (
          <span className={`${classes.value} ${classes.preview}`}>{collection.text}</span>
        )}
        <CopyText text={value.text} />
        {context.annotate && <span className={classes.annotation}>{context.annotate(path)}</span>}
      </div>
      {collection && open && <Children node={collection} path={path} depth={depth + 1} context={context} />}
    </div>
  )
}

function Children({ node, path, depth, context }: { node: Collection; path: string[]; depth: number; context: NodeContext }): ReactNode {
  const children = childrenOf(node)
  return (
    <div className={depth > 0 ? classes.children : undefined}>
      {children.map(({ step, label, value }) => (
        <Row key={step} label={label} value={value} path={[...path, step]} depth={depth} context={context} />
      ))}
    </div>
  )
}

/** The tree, with Expand all / Collapse all / Copy above it. */
export function EdnTreeView({ tree, defaultExpandDepth = 2, annotate }: EdnTreeViewProps): ReactNode {
  const [all, setAll] = useState<boolean | null>(null)
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map())
  const isOpen = useCallback(
    (path: readonly string[], depth: number) => toggled.get(pathKey(path)) ?? all ?? depth < defaultExpandDepth,
    [toggled, all, defaultExpandDepth]
  )
  const toggle = useCallback((path: readonly string[], open: boolean) => setToggled((previous) => new Map(previous).set(pathKey(path), open)), [])
  const context = useMemo<NodeContext>(() => ({ isOpen, toggle, annotate }), [isOpen, toggle, annotate])
  const expandAll = (open: boolean): void => {
    setAll(open)
    setToggled(new Map())
  }
  const empty = (tree.t === 'map' && tree.entries.length === 0) || ((tree.t === 'vec' || tree.t === 'list' || tree.t === 'set') && tree.items.length === 0)
  return (
    <div className={classes.tree} data-testid="edn-tree">
      <Group gap={4} justify="flex-end" mb={4}>
        {tree.t !== 'leaf' && !empty && (
          <>
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => expandAll(true)}>
              Expand all
            </Button>
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => expandAll(false)}>
              Collapse all
            </Button>
          </>
        )}
        <CopyButton value={tree.text}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy}>
              {copied ? 'Copied' : 'Copy EDN'}
            </Button>
          )}
        </CopyButton>
      </Group>
      {tree.t === 'leaf' ? (
        <div className={classes.row}>
          <Leaf node={tree} />
        </div>
      ) : empty ? (
        <Text size="sm" c="dimmed" ff="monospace" px={4}>
          {tree.text} <Text span size="sm" c="dimmed" ff="sans-serif">(empty)</Text>
        </Text>
      ) : (
        <Children node={tree} path={[]} depth={0} context={context} />
      )}
    </div>
  )
}
