/**
 * The bytes on stdin as text: UTF-8 only. Invalid bytes are refused, naming
 * where they are (never replaced by U+FFFD and written), and so is a leading
 * byte-order mark, which EDN does not allow.
 */
import { UsageError } from './args'

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not one. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]
  if (b < 0x80) return 1
  const [n, min, max] = b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
    : b === 0xe0 ? [3, 0xa0, 0xbf]
    : b === 0xed ? [3, 0x80, 0x9f]
    : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
    : b === 0xf0 ? [4, 0x90, 0xbf]
    : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf]
    : b === 0xf4 ? [4, 0x80, 0x8f]
    : [0, 0, 0]
  if (n === 0 || i + n > bytes.length) return 0
  if (bytes[i + 1] < min || bytes[i + 1] > max) return 0
  for (let k = 2; k < n; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return 0
  return n
}

/** Byte offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const n = sequenceLength(bytes, i)
    if (n === 0) return i
    i += n
  }
  return -1
}

/** The text of stdin; throws a UsageError naming the place of invalid UTF-8 or a byte-order mark. */
export function decodeStdin(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new UsageError('stdin starts with a byte-order mark (EF BB BF), which EDN does not allow; save the events as UTF-8 without a BOM.')
  }
  try {
    return UTF8.decode(bytes)
  } catch {
    const at = firstInvalidUtf8(bytes)
    const before = bytes.subarray(0, at)
    let line = 1
    let lineStart = 0
    for (let i = 0; i < before.length; i++) {
      if (before[i] === 10) {
        line++
        lineStart = i + 1
      }
    }
    const byte = bytes[at].toString(16).toUpperCase().padStart(2, '0')
    throw new UsageError(
      `stdin is not valid UTF-8: byte 0x${byte} at line ${line}, byte ${at - lineStart + 1} of the line (offset ${at}) does not belong to a UTF-8 character; save the events as UTF-8.`
    )
  }
}
