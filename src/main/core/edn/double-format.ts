/**
 * `Double.toString` as specified since JDK 19 (Raffaello Giulietti's shortest
 * decimal): among the decimals that round to the double, take those of minimal
 * length m (lengths 1 and 2 when m is 1), pick the one closest to the double
 * (even digit on a tie), then format it plain for 10^-3 ≤ |d| < 10^7 and in
 * computerized scientific notation otherwise (`1.0E-5`, `1.2345678E7`).
 *
 * JavaScript's `toExponential()` already yields the shortest, closest decimal
 * with the same tie rule, so only the m = 1 case needs the extra 2-digit check
 * (it changes subnormals such as 2 × `Double.MIN_VALUE`: `9.9E-324`, not `1.0E-323`).
 *
 * JDK ≤ 18 used an older algorithm that sometimes printed a longer decimal
 * (`2.0E23` came out as `1.9999999999999998E23`, `1.0E23` as `9.999999999999999E22`).
 */

interface ShortestDecimal {
  /** Significant digits without trailing zeros, e.g. "12345". */
  readonly digits: string
  /** Decimal exponent of the first digit: value = 0.d1d2… × 10^(exponent + 1). */
  readonly exponent: number
}

function parseExponential(text: string): ShortestDecimal {
  const e = text.indexOf('e')
  const mantissa = text.slice(0, e).replace('.', '')
  return { digits: mantissa.replace(/0+$/, '') || '0', exponent: Number(text.slice(e + 1)) }
}

/** The 2-digit decimal next to `d` (two significant digits, `d.exponent` as given) in direction `step`. */
function twoDigitNeighbour(d: ShortestDecimal, step: 1 | -1): ShortestDecimal {
  const n = Number(d.digits.padEnd(2, '0')) + step
  if (n === 100) return { digits: '1', exponent: d.exponent + 1 }
  if (n === 9) return { digits: '99', exponent: d.exponent - 1 }
  return { digits: String(n).replace(/0$/, ''), exponent: d.exponent }
}

function decimalValue(d: ShortestDecimal): number {
  return Number(`${d.digits[0]}.${d.digits.slice(1) || '0'}e${d.exponent}`)
}

function sameDecimal(a: ShortestDecimal, b: ShortestDecimal): boolean {
  return a.digits === b.digits && a.exponent === b.exponent
}

/** The decimal Java ≥ 19 chooses for a positive finite double. */
function javaShortestDecimal(x: number): ShortestDecimal {
  const shortest = parseExponential(x.toExponential())
  if (shortest.digits.length > 1) return shortest
  // m = 1: a 2-digit decimal that also rounds to x and is closer wins.
  const closestTwo = parseExponential(x.toExponential(1))
  if (sameDecimal(closestTwo, shortest)) return shortest
  if (decimalValue(closestTwo) === x) return closestTwo
  // The closest 2-digit decimal does not round to x: its neighbour on the other
  // side of x lies between x and the 1-digit decimal, hence rounds to x too.
  const other = twoDigitNeighbour(closestTwo, decimalValue(closestTwo) > x ? -1 : 1)
  return other
}

/** Java's `Double.toString(x)` (JDK ≥ 19): `1.0`, `0.001`, `1.0E7`, `-0.0`, `Infinity`, `NaN`. */
export function javaDoubleToString(x: number): string {
  if (Number.isNaN(x)) return 'NaN'
  if (x === Infinity) return 'Infinity'
  if (x === -Infinity) return '-Infinity'
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0'
  const sign = x < 0 ? '-' : ''
  const { digits, exponent } = javaShortestDecimal(Math.abs(x))
  if (exponent >= -3 && exponent < 7) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`
    const intLength = exponent + 1
    if (digits.length <= intLength) return `${sign}${digits.padEnd(intLength, '0')}.0`
    return `${sign}${digits.slice(0, intLength)}.${digits.slice(intLength)}`
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exponent}`
}
