/**
 * Layout of the trigger graph: four columns left to right, one node per
 * shown item plus a summary node per capped group, edges only between shown
 * nodes, and no two nodes of a column overlapping (property).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AuditGraph } from '../../src/shared/audit'
import { layoutGraph, NODE_HEIGHT, nodeId } from '../../src/renderer/features/audit/graph-layout'

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
})
