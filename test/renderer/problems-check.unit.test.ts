/** When the Problems check runs without being asked: never ran, or cut short by a lost connection and reconnected since. */
import { describe, expect, it } from 'vitest'
import { checkDue, type CheckState } from '../../src/renderer/features/audit/problems/problems-check'

const never: CheckState = { result: null, running: false, error: null }
const done: CheckState = { ...never, result: { problems: [], revision: 3, at: 0 } }

describe('checkDue', () => {
  it('runs a check that never ran (connected or not: a run against a lost connection only marks it cut short)', () => {
    expect(checkDue(never, 3, false)).toBe(true)
    expect(checkDue(never, 3, true)).toBe(true)
  })

  it('never starts a second run beside one, nor repeats one that failed for another reason', () => {
    expect(checkDue({ ...never, running: true }, 3, false)).toBe(false)
    expect(checkDue({ ...never, error: 'The store is damaged.' }, 4, false)).toBe(false)
  })

  it('leaves a finished check alone, also after the store changes (it is marked out of date instead)', () => {
    expect(checkDue(done, 3, false)).toBe(false)
    expect(checkDue(done, 9, false)).toBe(false)
  })

  it('runs a check cut short by a lost connection again once a Reconnect gave the store a new revision', () => {
    const cut: CheckState = { ...never, interruptedAt: 3 }
    expect(checkDue(cut, 3, true)).toBe(false) // the bar is up
    expect(checkDue(cut, 3, false)).toBe(false) // the loss is not yet shown: no loop of failing runs
    expect(checkDue(cut, 4, true)).toBe(false)
    expect(checkDue(cut, 4, false)).toBe(true) // reconnected
    expect(checkDue({ ...done, interruptedAt: 3 }, 4, false)).toBe(true) // a rerun cut short runs again too
  })
})
