/** Service errors cross to the window unchanged: every service code is a contract code, kept by toIpcError. */
import { describe, expect, expectTypeOf, it } from 'vitest'
import { isErrorCode, type IpcErrorCode } from '../../../src/shared/ipc/errors'
import { ServiceError, type ServiceErrorCode } from '../../../src/main/services/service-error'
import { toIpcError } from '../../../src/main/host/host-error'

const CODES: readonly ServiceErrorCode[] = ['invalid-request', 'invalid-events', 'not-open', 'not-found', 'read-only', 'store-locked', 'io', 'internal']

describe('ServiceError', () => {
  it('uses only codes of the IPC contract', () => {
    expectTypeOf<ServiceErrorCode>().toExtend<IpcErrorCode>()
    expect(CODES.every(isErrorCode)).toBe(true)
  })

  it('keeps its code and sentence on the way to the window', () => {
    for (const code of CODES) expect(toIpcError(new ServiceError(code, 'What is wrong. What to do.'))).toEqual({ code, message: 'What is wrong. What to do.' })
  })
})
