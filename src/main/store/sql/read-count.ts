/**
 * The counting queries of `countRead(offset, scope)`, shared by the adapters:
 * the scope as action criteria on the replay plan's count queries.
 */
import type { ReadScope } from '../store-inspector'
import { identityToCells, toCell } from '../cells'
import type { Queries } from './queries'
import { aggregatesCriteria, countPlan, kindsCriteria, type ActionCriteria, type ReplayPlan } from './replay'

/** A read scope (aggregates or kinds) as criteria on the action alias `a`. */
export function scopeCriteria(scope: ReadScope | undefined): ActionCriteria | undefined {
  if (scope === undefined) return undefined
  return 'aggregates' in scope ? aggregatesCriteria(scope.aggregates.map(identityToCells)) : kindsCriteria(scope.kinds.map(toCell))
}

/** The two count queries of `read(offset)` restricted to `scope`: actions replayed below the offset, and from it on. */
export function readCountPlan(queries: Queries, offset: number, scope?: ReadScope): { replayed: ReplayPlan['current']; current: ReplayPlan['current'] } {
  return countPlan(queries, offset, scopeCriteria(scope))
}
