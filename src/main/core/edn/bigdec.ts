/**
 * Just enough of `java.math.BigDecimal` for EDN's `M` numbers: parsing the
 * text, `toString()` (what `pr-str` prints before the `M`), numeric comparison
 * (Clojure's `=` on BigDecimals) and the two hashes.
 */
import { javaBigIntegerHash } from './murmur3'

/** A BigDecimal: `unscaled × 10^-scale`. */
export interface Decimal {
  readonly unscaled: bigint
  readonly scale: number
}

const DECIMAL_TEXT = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/

/** `new BigDecimal(text)`; throws on text BigDecimal would reject. */
export function parseDecimal(text: string): Decimal {
  const m = DECIMAL_TEXT.exec(text)
  const intDigits = m?.[2] ?? ''
  const fracDigits = m?.[3] ?? ''
  if (!m || intDigits.length + fracDigits.length === 0) throw new Error(`Not a decimal number: ${text}`)
  const magnitude = BigInt(intDigits + fracDigits)
  const exponent = m[4] === undefined ? 0 : Number(m[4])
  return { unscaled: m[1] === '-' ? -magnitude : magnitude, scale: fracDigits.length - exponent }
}

/** `BigDecimal.toString()`: plain when the scale is ≥ 0 and the adjusted exponent ≥ -6, else scientific. */
export function decimalToString(d: Decimal): string {
  const negative = d.unscaled < 0n
  const coefficient = (negative ? -d.unscaled : d.unscaled).toString()
  const sign = negative ? '-' : ''
  const adjusted = -d.scale + (coefficient.length - 1)
  if (d.scale >= 0 && adjusted >= -6) {
    if (d.scale === 0) return sign + coefficient
    if (coefficient.length > d.scale) {
      const point = coefficient.length - d.scale
      return `${sign}${coefficient.slice(0, point)}.${coefficient.slice(point)}`
    }
    return `${sign}0.${'0'.repeat(d.scale - coefficient.length)}${coefficient}`
  }
  const mantissa = coefficient.length > 1 ? `${coefficient[0]}.${coefficient.slice(1)}` : coefficient
  return `${sign}${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`
}

/** The canonical printed text (without `M`) of BigDecimal text as read. */
export function canonicalDecimalText(text: string): string {
  return decimalToString(parseDecimal(text))
}

/** `a.compareTo(b) == 0`: numeric equality regardless of scale (`1.0M` = `1.00M`). */
export function decimalsEqual(a: Decimal, b: Decimal): boolean {
  if (a.scale === b.scale) return a.unscaled === b.unscaled
  if (a.scale < b.scale) return a.unscaled * 10n ** BigInt(b.scale - a.scale) === b.unscaled
  return b.unscaled * 10n ** BigInt(a.scale - b.scale) === a.unscaled
}

/** `BigDecimal.equals`: same unscaled value and same scale. */
export function decimalsIdentical(a: Decimal, b: Decimal): boolean {
  return a.unscaled === b.unscaled && a.scale === b.scale
}

/** `BigDecimal.hashCode()`: `31 * unscaled.hashCode() + scale`. */
export function javaDecimalHash(d: Decimal): number {
  return (Math.imul(31, javaBigIntegerHash(d.unscaled)) + d.scale) | 0
}

/** `Numbers.hasheq` of a BigDecimal: 0 for zero, else the hash of `stripTrailingZeros()`. */
export function decimalHasheq(d: Decimal): number {
  if (d.unscaled === 0n) return 0
  let unscaled = d.unscaled
  let scale = d.scale
  while (unscaled % 10n === 0n) {
    unscaled /= 10n
    scale--
  }
  return javaDecimalHash({ unscaled, scale })
}
