import { describe, expect, it } from 'vitest'
import { bucketSize } from '../../../../src/main/store/sql/timeline-buckets'

describe('timeline buckets', () => {
  it('chooses the smallest round bucket size that fits', () => {
    expect(bucketSize(0, 59, 60)).toBe(1)
    expect(bucketSize(0, 3600, 60)).toBe(300)
    expect(bucketSize(0, 86400 * 300, 60)).toBe(86400 * 7)
  })
})
