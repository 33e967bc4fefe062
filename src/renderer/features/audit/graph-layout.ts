/**
 * The trigger graph as positioned nodes and edges, left to right in four
 * columns: triggers → actions → aggregates → effects. dagre orders the nodes
 * inside each column (few crossings); every node is pinned to its column by
 * an edge of that length from an invisible root, and summary nodes
 * ("+ 4,812 actions") stand for the rest of a capped group. Pure: unit tested.
 */
import { Graph, layout } from '@dagrejs/dagre'
import type { AuditGraph } from '../../../shared/audit'
import { graphNodes, type GraphColumn, type GraphEdge, type GraphNode } from './graph-nodes'

export { formatCount, nodeId, GROUP_ABOVE, initiallyExpanded, type GraphColumn, type GraphNodeTarget } from './graph-nodes'

const COLUMNS: readonly GraphColumn[] = ['triggers', 'actions', 'aggregates', 'effects']

/** A positioned node (top-left corner). */
export interface LaidOutNode extends GraphNode {
  readonly x: number
  readonly y: number
}

/** An edge between two node ids. */
export type LaidOutEdge = GraphEdge

/** Node size and gaps, in px. */
export const NODE_WIDTH = 210
export const NODE_HEIGHT = 46
const COLUMN_GAP = 60
const ROW_GAP = 14

/** Font size of node text in px (Audit.module.css `.node`). */
export const NODE_FONT_PX = 13
/** The least zoom at which node text is still ~11 px on screen: fitting never goes below it, the view pans instead. */
export const READABLE_ZOOM = 11 / NODE_FONT_PX

/** Lay out `graph` with the aggregate kinds in `expanded` opened (grouping applies to big graphs only). */
export function layoutGraph(graph: AuditGraph, expanded?: ReadonlySet<string>): { nodes: LaidOutNode[]; edges: LaidOutEdge[] } {
  const { nodes: pending, edges } = graphNodes(graph, expanded)
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
  // A kind's nodes stay together, its group node (or summary) first, in the order of the kinds.
  const kinds = [...new Set(pending.flatMap((n) => (n.kind === undefined ? [] : [n.kind])))]
  const rank = (n: GraphNode): number[] => [n.kind === undefined ? -1 : kinds.indexOf(n.kind), n.target.type === 'group' ? 0 : n.target.type === 'more' ? 2 : 1, g.node(n.id).y]
  const byRank = (a: GraphNode, b: GraphNode): number => {
    const [ra, rb] = [rank(a), rank(b)]
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2]
  }
  // Pinned to its column: x from the column; inside it the order above (dagre's for few crossings), evenly spaced and centred on y = 0.
  const nodes: LaidOutNode[] = []
  for (const column of COLUMNS) {
    const inColumn = pending.filter((n) => n.column === column).sort(byRank)
    inColumn.forEach((n, i) => {
      nodes.push({ ...n, x: COLUMNS.indexOf(column) * (NODE_WIDTH + COLUMN_GAP), y: (i - (inColumn.length - 1) / 2) * (NODE_HEIGHT + ROW_GAP) - NODE_HEIGHT / 2 })
    })
  }
  return { nodes, edges }
}
