/**
 * The one sentence the Replay section shows above the delivered list: what a
 * read model reading from an offset receives, e.g. "A read model reading from
 * 6 gets 2 actions: 1 replayed (5, because of effect 7), then 6."
 */
import type { ReplayCount, ReplayItem } from '../../../shared/replay'
import { formatCount } from '../../ui/format'

/** Seq-nos listed by number before a sentence switches to counts. */
const LIST_AT_MOST = 3

/** `a`, `a and b`, `a, b and c` */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

/** "effect 7", "effects 7 and 9" */
export function effectsPhrase(effects: readonly number[]): string {
  return `${effects.length === 1 ? 'effect' : 'effects'} ${joinAnd(effects.map(String))}`
}

function replayedPhrase(count: number, replayed: readonly ReplayItem[]): string {
  if (count <= LIST_AT_MOST && replayed.length === count) {
    return `${formatCount(count)} replayed (${replayed.map((i) => `${i.seqNo}, because of ${effectsPhrase(i.causes)}`).join('; ')})`
  }
  const effects = [...new Set(replayed.flatMap((i) => i.causes))].sort((a, b) => a - b)
  const shown = effects.slice(0, LIST_AT_MOST).map(String)
  const more = effects.length > LIST_AT_MOST ? [`${formatCount(effects.length - LIST_AT_MOST)} more`] : []
  return `${formatCount(count)} replayed (because of ${effects.length === 1 ? 'effect' : 'effects'} ${joinAnd([...shown, ...more])})`
}

function currentPhrase(offset: number, count: number, current: readonly ReplayItem[]): string {
  if (count <= LIST_AT_MOST && current.length === count) return joinAnd(current.map((i) => String(i.seqNo)))
  return `${plural(count, 'action', 'actions')} from ${Math.max(offset, 1)} on`
}

/**
 * The sentence for a read from `offset`. `count` is the read's size (null
 * while it is being counted); `items` the delivered items loaded so far, in
 * read order (replayed ones first).
 */
export function replaySummary(offset: number, count: ReplayCount | null, items: readonly ReplayItem[], hasMore: boolean): string {
  const from = `A read model reading from ${offset}${offset <= 1 ? ' (everything)' : ''}`
  const total = count?.total ?? (hasMore ? null : items.length)
  const replayedCount = count?.replayed ?? (hasMore ? null : items.filter((i) => i.replayed).length)
  if (total === null || replayedCount === null) return `${from} gets at least ${plural(items.length, 'action', 'actions')} (counting the rest…).`
  if (total === 0) return `${from} gets nothing: no action has seq-no ${Math.max(offset, 1)} or higher, and no effect from there on reaches an earlier one.`
  const replayed = items.filter((i) => i.replayed)
  const current = items.filter((i) => !i.replayed)
  const currentCount = total - replayedCount
  if (replayedCount === 0) {
    const listed = currentCount <= LIST_AT_MOST && current.length === currentCount
    const which = listed ? `: ${joinAnd(current.map((i) => String(i.seqNo)))}` : `, all from ${Math.max(offset, 1)} on`
    return `${from} gets ${plural(total, 'action', 'actions')}${which}, none replayed.`
  }
  const then = currentCount === 0 ? 'and nothing from there on' : `then ${currentPhrase(offset, currentCount, current)}`
  return `${from} gets ${plural(total, 'action', 'actions')}: ${replayedPhrase(replayedCount, replayed)}, ${then}.`
}
