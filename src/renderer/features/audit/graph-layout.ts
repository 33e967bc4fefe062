/**
 * The trigger graph as positioned nodes and edges, left to right in four
 * columns: triggers → actions → aggregates → effects. dagre orders the nodes
 * inside each column (few crossings); every node is pinned to its column by
 * an edge of that length from an invisible root, and summary nodes
 * ("+ 4,812 actions") stand for the rest of a capped group. Pure: unit tested.
 */
import { Graph, layout } from '@dagrejs/dagre'
import type { AuditGraph } from '../../../shared/audit'
import type { CellIdentity } from '../../../shared/browse'
import { identityText } from '../../../shared/browse'

/** What a node stands for (what clicking it opens). */
export type GraphNodeTarget =
  | { readonly type: 'trigger'; readonly trigger: CellIdentity }
  | { readonly type: 'action'; readonly seqNo: number }
  | { readonly type: 'aggregate'; readonly aggregate: CellIdentity }
  | { readonly type: 'effect'; readonly seqNo: number }
  | { readonly type: 'more'; readonly column: GraphColumn; readonly count: number }

/** The four columns, left to right. */
export type GraphColumn = 'triggers' | 'actions' | 'aggregates' | 'effects'

const COLUMNS: readonly GraphColumn[] = ['triggers', 'actions', 'aggregates', 'effects']

/** A positioned node (top-left corner). */
export interface LaidOutNode {
  readonly id: string
  readonly column: GraphColumn
  readonly title: string
  readonly subtitle: string
  readonly target: GraphNodeTarget
  /** True for the node the graph is drawn around. */
  readonly focus: boolean
  readonly x: number
  readonly y: number
}

/** An edge between two node ids. */
export interface LaidOutEdge {
  readonly id: string
  readonly source: string
  readonly target: string
}

/** Node size and gaps, in px. */
export const NODE_WIDTH = 190
export const NODE_HEIGHT = 46
const COLUMN_GAP = 60
const ROW_GAP = 14


/** `1,234` */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

const key = (identity: CellIdentity): string => `${identity.kind} ${identity.id}`
/** Node ids (stable, so React keys and tests can name them). */
export const nodeId = {
  trigger: (t: CellIdentity): string => `t:${key(t)}`,
  action: (seqNo: number): string => `a:${seqNo}`,
  aggregate: (g: CellIdentity): string => `g:${key(g)}`,
  effect: (seqNo: number): string => `e:${seqNo}`,
  more: (column: GraphColumn): string => `more:${column}`
}

const plural = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`

/** Lay out `graph`. */
export function layoutGraph(graph: AuditGraph): { nodes: LaidOutNode[]; edges: LaidOutEdge[] } {
  type Pending = Omit<LaidOutNode, 'x' | 'y'>
  const pending: Pending[] = []
  const focus = graph.focus
  for (const t of graph.triggers.items) {
    pending.push({
      id: nodeId.trigger(t), column: 'triggers', title: identityText(t), subtitle: 'trigger',
      target: { type: 'trigger', trigger: t }, focus: focus.type === 'trigger' && focus.kind === t.kind && focus.id === t.id
    })
  }
  for (const a of graph.actions.items) {
    pending.push({ id: nodeId.action(a.seqNo), column: 'actions', title: `${a.seqNo} ${a.reason}`, subtitle: `action on ${identityText(a.aggregate)}`, target: { type: 'action', seqNo: a.seqNo }, focus: false })
  }
  for (const g of graph.aggregates.items) {
    pending.push({
      id: nodeId.aggregate(g), column: 'aggregates', title: identityText(g), subtitle: 'aggregate',
      target: { type: 'aggregate', aggregate: g }, focus: focus.type === 'aggregate' && focus.kind === g.kind && focus.id === g.id
    })
  }
  for (const e of graph.effects.items) {
    pending.push({
      id: nodeId.effect(e.seqNo), column: 'effects', title: `${e.seqNo} ${e.reason}`, subtitle: `effect naming ${identityText(e.trigger)}`,
      target: { type: 'effect', seqNo: e.seqNo }, focus: focus.type === 'effect' && focus.seqNo === e.seqNo
    })
  }
  const groups: [GraphColumn, { total: number; items: readonly unknown[] }, string, string][] = [
    ['triggers', graph.triggers, 'trigger', 'triggers'],
    ['actions', graph.actions, 'action', 'actions'],
    ['aggregates', graph.aggregates, 'aggregate', 'aggregates'],
    ['effects', graph.effects, 'effect', 'effects']
  ]
  for (const [column, group, one, many] of groups) {
    const rest = group.total - group.items.length
    if (rest > 0) {
      pending.push({ id: nodeId.more(column), column, title: `+ ${plural(rest, one, many)}`, subtitle: `${formatCount(group.total)} in all`, target: { type: 'more', column, count: rest }, focus: false })
    }
  }

  const edges: LaidOutEdge[] = []
  const ids = new Set(pending.map((n) => n.id))
  const addEdge = (source: string, target: string): void => {
    if (ids.has(source) && ids.has(target)) edges.push({ id: `${source}->${target}`, source, target })
  }
  for (const c of graph.carries) addEdge(nodeId.trigger(c.trigger), nodeId.action(c.seqNo))
  for (const a of graph.actions.items) addEdge(nodeId.action(a.seqNo), nodeId.aggregate(a.aggregate))
  for (const r of graph.reaches) addEdge(nodeId.aggregate(r.aggregate), nodeId.effect(r.effect))

  const g = new Graph({ multigraph: false })
  g.setGraph({ rankdir: 'LR', nodesep: ROW_GAP, ranksep: COLUMN_GAP, marginx: 0, marginy: 0 })
  g.setDefaultEdgeLabel(() => ({}))
  const root = '\u0000root'
  g.setNode(root, { width: 1, height: 1 })
  for (const n of pending) {
    g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT })
    g.setEdge(root, n.id, { minlen: COLUMNS.indexOf(n.column) + 1, weight: 0 })
  }
  for (const e of edges) g.setEdge(e.source, e.target, { minlen: 1, weight: 1 })
  layout(g)
  // Pinned to its column: x from the column; inside it dagre's order (few crossings), evenly spaced and centred on y = 0.
  const nodes: LaidOutNode[] = []
  for (const column of COLUMNS) {
    const inColumn = pending.filter((n) => n.column === column).sort((a, b) => g.node(a.id).y - g.node(b.id).y)
    inColumn.forEach((n, i) => {
      nodes.push({ ...n, x: COLUMNS.indexOf(column) * (NODE_WIDTH + COLUMN_GAP), y: (i - (inColumn.length - 1) / 2) * (NODE_HEIGHT + ROW_GAP) - NODE_HEIGHT / 2 })
    })
  }
  return { nodes, edges }
}
