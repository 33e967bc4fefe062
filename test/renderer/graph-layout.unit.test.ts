/**
 * Layout of the trigger graph: four columns left to right, one node per
 * shown item plus a summary node per capped group, edges only between shown
 * nodes, and no two nodes of a column overlapping (property).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AuditGraph } from '../../src/shared/audit'
import { GROUP_ABOVE, layoutGraph, NODE_HEIGHT, nodeId } from '../../src/renderer/features/audit/graph-layout'

const KEY = { kind: ':encryption-key', id: '1' }
const R1 = { kind: ':receipt', id: '1' }

const walkthrough: AuditGraph = {
  focus: { type: 'trigger', ...KEY },
  triggers: { items: [KEY], total: 1 },
  actions: { items: [{ seqNo: 5, reason: ':payment', aggregate: R1 }], total: 1 },
  aggregates: { items: [R1], total: 1 },
  effects: { items: [{ seqNo: 7, reason: ':key-expired', trigger: KEY }], total: 1 },
  carries: [{ trigger: KEY, seqNo: 5 }],
  reaches: [{ aggregate: R1, effect: 7 }]
}

describe('graph layout', () => {
  it('puts trigger, action, aggregate and effect in four columns, left to right', () => {
    const { nodes, edges } = layoutGraph(walkthrough)
    const x = (id: string): number => nodes.find((n) => n.id === id)?.x ?? NaN
    expect(nodes.map((n) => n.id)).toEqual([nodeId.trigger(KEY), nodeId.action(5), nodeId.aggregate(R1), nodeId.effect(7)])
    expect(x(nodeId.trigger(KEY))).toBeLessThan(x(nodeId.action(5)))
    expect(x(nodeId.action(5))).toBeLessThan(x(nodeId.aggregate(R1)))
    expect(x(nodeId.aggregate(R1))).toBeLessThan(x(nodeId.effect(7)))
    expect(edges.map((e) => e.id)).toEqual(['t::encryption-key 1->a:5', 'a:5->g::receipt 1', 'g::receipt 1->e:7'])
    expect(nodes.find((n) => n.focus)?.id).toBe(nodeId.trigger(KEY))
  })

  it('summarises the rest of a capped group in one node', () => {
    const { nodes } = layoutGraph({ ...walkthrough, actions: { ...walkthrough.actions, total: 4813 } })
    expect(nodes.find((n) => n.id === nodeId.more('actions'))?.title).toBe('+ 4,812 actions')
  })

  it('never overlaps two nodes of one column', () => {
    const arb = fc.record({ actions: fc.integer({ min: 0, max: 30 }), aggregates: fc.integer({ min: 1, max: 10 }), effects: fc.integer({ min: 0, max: 8 }) })
    fc.assert(
      fc.property(arb, ({ actions, aggregates, effects }) => {
        const agg = (i: number) => ({ kind: ':thing', id: String(i % aggregates) })
        const graph: AuditGraph = {
          ...walkthrough,
          actions: { items: Array.from({ length: actions }, (_, i) => ({ seqNo: i + 1, reason: ':r', aggregate: agg(i) })), total: actions + 3 },
          aggregates: { items: Array.from({ length: Math.min(actions, aggregates) }, (_, i) => agg(i)), total: aggregates },
          effects: { items: Array.from({ length: effects }, (_, i) => ({ seqNo: 100 + i, reason: ':x', trigger: KEY })), total: effects },
          carries: Array.from({ length: actions }, (_, i) => ({ trigger: KEY, seqNo: i + 1 })),
          reaches: Array.from({ length: effects }, (_, i) => ({ aggregate: agg(0), effect: 100 + i }))
        }
        const { nodes } = layoutGraph(graph)
        for (const a of nodes) {
          for (const b of nodes) {
            if (a !== b && a.x === b.x) expect(Math.abs(a.y - b.y)).toBeGreaterThanOrEqual(NODE_HEIGHT)
          }
        }
      }),
      { numRuns: 40 }
    )
  })

  describe('grouping per aggregate kind', () => {
    const BOOK = (i: number) => ({ kind: ':book', id: `"b${i % 7}"` })
    const big: AuditGraph = {
      ...walkthrough,
      actions: { items: Array.from({ length: 20 }, (_, i) => ({ seqNo: i + 1, reason: ':reprice', aggregate: BOOK(i) })), total: 695 },
      aggregates: { items: Array.from({ length: 7 }, (_, i) => BOOK(i)), total: 183 },
      effects: { items: [{ seqNo: 900, reason: ':republished', trigger: KEY }], total: 1 },
      carries: Array.from({ length: 20 }, (_, i) => ({ trigger: KEY, seqNo: i + 1 })),
      reaches: Array.from({ length: 7 }, (_, i) => ({ aggregate: BOOK(i), effect: 900 })),
      kinds: [{ kind: ':book', actions: 695, aggregates: 183 }]
    }

    it('draws one node per kind with its counts while collapsed, wired trigger → actions → aggregates → effect', () => {
      const { nodes, edges } = layoutGraph(big, new Set())
      expect(nodes.map((n) => n.id)).toEqual([nodeId.trigger(KEY), nodeId.group('actions', ':book'), nodeId.group('aggregates', ':book'), nodeId.effect(900)])
      expect(nodes[1].title).toBe('+ 695 actions')
      expect(nodes[2].title).toBe('183 aggregates')
      expect(edges.map((e) => e.id)).toEqual(['t::encryption-key 1->k:actions::book', 'k:actions::book->k:aggregates::book', 'k:aggregates::book->e:900'])
    })

    it('expands a kind to its shown actions and aggregates, its group node first and a summary of the rest last', () => {
      const { nodes } = layoutGraph(big, new Set([':book']))
      const actions = nodes.filter((n) => n.column === 'actions')
      expect(actions[0]).toMatchObject({ id: nodeId.group('actions', ':book'), title: '− 695 actions', target: { type: 'group', expanded: true } })
      expect(actions).toHaveLength(1 + 20 + 1)
      expect(actions.at(-1)?.title).toBe('+ 675 actions')
      expect(nodes.filter((n) => n.column === 'aggregates').at(-1)?.title).toBe('+ 176 aggregates')
      expect(nodes.some((n) => n.id === nodeId.more('actions'))).toBe(false)
    })

    it('leaves small graphs, and graphs without kind counts, ungrouped', () => {
      const small = { ...big, actions: { ...big.actions, items: big.actions.items.slice(0, GROUP_ABOVE), total: GROUP_ABOVE } }
      expect(layoutGraph(small, new Set()).nodes.some((n) => n.target.type === 'group')).toBe(false)
      const { kinds: _, ...uncounted } = big
      expect(layoutGraph(uncounted, new Set()).nodes.find((n) => n.id === nodeId.more('actions'))?.title).toBe('+ 675 actions')
    })
  })
})
