/** How problems of the integrity check are grouped and summed up for people. */
import type { Problem, ProblemSeverity } from '../../../../shared/browse'
import { countOf } from '../../../ui/format'

/** A heading per problem code, in the order groups are shown. */
export const PROBLEM_GROUPS: Readonly<Record<Problem['code'], string>> = {
  schema: 'Schema',
  'orphan-action': 'Action rows without an event',
  'orphan-effect': 'Effect rows without an event',
  'orphan-trigger': 'Trigger rows without an event',
  'event-without-body': 'Events with neither an action nor an effect',
  'event-with-both': 'Events with both an action and an effect',
  'invalid-edn': 'Cells that are not valid EDN',
  'not-canonical': 'Cells not printed as Clojure prints them',
  'invalid-value': 'Cells with a value of the wrong type',
  'invalid-patch': 'Invalid patches',
  'trigger-without-action': 'Triggers on events that are not actions',
  'effect-trigger-unused': 'Effects whose trigger no action carries',
  'seq-no-gap': 'Gaps in the seq-nos',
  'sqlite-integrity': 'Damage SQLite reports'
}

/** The badge colour of each severity. */
export const SEVERITY_COLOR: Record<ProblemSeverity, string> = { error: 'red', warning: 'yellow', notice: 'gray' }
const SEVERITY_RANK: Record<ProblemSeverity, number> = { error: 0, warning: 1, notice: 2 }

/** Codes whose seq-no has no event to show. */
const NO_EVENT: ReadonlySet<Problem['code']> = new Set(['orphan-action', 'orphan-effect', 'orphan-trigger'])

/** The event a problem can jump to, if any. */
export function eventOf(problem: Problem): number | null {
  return problem.seqNo !== undefined && !NO_EVENT.has(problem.code) ? problem.seqNo : null
}

/** Problems by code, the most severe groups first. */
export function groupProblems(problems: readonly Problem[]): [Problem['code'], Problem[]][] {
  const groups = new Map<Problem['code'], Problem[]>()
  for (const p of problems) groups.set(p.code, [...(groups.get(p.code) ?? []), p])
  const worst = (list: Problem[]): number => Math.min(...list.map((p) => SEVERITY_RANK[p.severity]))
  const order = Object.keys(PROBLEM_GROUPS)
  return [...groups.entries()].sort((a, b) => worst(a[1]) - worst(b[1]) || order.indexOf(a[0]) - order.indexOf(b[0]))
}

/** `2 errors, 1 warning in 2 kinds.` */
export function problemSummary(problems: readonly Problem[]): string {
  const n = (severity: ProblemSeverity): number => problems.filter((p) => p.severity === severity).length
  const parts = [countOf(n('error'), 'error', 'errors'), countOf(n('warning'), 'warning', 'warnings'), countOf(n('notice'), 'notice', 'notices')]
  const kinds = groupProblems(problems).length
  return `${parts.filter((part) => !part.startsWith('0 ')).join(', ')} in ${countOf(kinds, 'kind', 'kinds')}.`
}
