/**
 * What `coherence rebase` says about its input, and printing its result map exactly as the library returns it:
 * the caller's events as given with `:seq-no` added after their keys,
 * `:conflict :theirs` as the store holds it. Events are written in chunks, so
 * a huge batch never becomes one huge string.
 */
import type { RebaseResult } from '../shared/domain'
import type { EventBatch, ReadEventBatchResult } from '../main/core/domain'
import { eventToEdn, rebaseResultToEdn } from '../main/core/domain'
import { printEdn } from '../main/core/edn'
import type { Output } from './output'


const CHUNK = 1 << 16

/** Writes `[e1 e2 …]` for the first `count` events of the batch, the first with seq-no `firstSeqNo`. */
async function writeGivenEvents(out: Output, batch: EventBatch, count: number, firstSeqNo: number): Promise<void> {
  let chunk = '['
  for (let i = 0; i < count; i++) {
    chunk += (i === 0 ? '' : ' ') + batch.printGiven(i, firstSeqNo + i)
    if (chunk.length >= CHUNK) {
      await out.write(chunk)
      chunk = ''
    }
  }
  await out.write(`${chunk}]`)
}

/** Writes the result map of a rebase of `batch` and a newline. */
export async function writeRebaseResult(out: Output, result: RebaseResult, batch: EventBatch): Promise<void> {
  if (result.result !== 'ok' && result.result !== 'conflict') {
    await out.write(`${printEdn(rebaseResultToEdn(result))}\n`)
    return
  }
  const first = result.result === 'ok' ? result.events[0].seqNo : result.conflict.ours.seqNo - result.events.length
  await out.write(`{:result :${result.result}, :events `)
  await writeGivenEvents(out, batch, result.events.length, first)
  if (result.result === 'ok') {
    await out.write('}\n')
    return
  }
  const ours = batch.printGiven(result.events.length, result.conflict.ours.seqNo)
  await out.write(`, :conflict {:ours ${ours}, :theirs ${printEdn(eventToEdn(result.conflict.theirs))}}}\n`)
}

/** The message for stdin that is not a batch of new events: one line per problem. */
export function batchProblem(read: Extract<ReadEventBatchResult, { ok: false }>): string {
  if (read.reason === 'edn') return `The events on stdin are not valid EDN: ${read.error.message}`
  const lines = read.errors.map((e) => e.message)
  if (read.more > 0) lines.push(`… and ${read.more} more problem${read.more === 1 ? '' : 's'}.`)
  return lines.join('\n')
}
