/**
 * Reading the composer's fields: each field is EDN text read on its own, so a
 * typing mistake in one field is reported at that field (with the place of
 * the error) and never garbles the rest of the event.
 */
import type { ComposeField, FieldDiagnostic } from '../../../shared/compose'
import type { EdnValue } from '../../../shared/edn-value'
import { EdnParseError, readEdn } from '../edn'

/** A field read: its value, `undefined` when left empty, or null after a parse error (recorded). */
export type FieldValue = EdnValue | undefined | null

/** Collects diagnostics while fields are read. */
export class FieldDiagnostics {
  readonly list: FieldDiagnostic[] = []

  /** Record an error at `field`. */
  error(field: ComposeField, message: string, from?: number, to?: number): void {
    this.list.push({ field, severity: 'error', message, ...(from === undefined ? {} : { from, to: to ?? from + 1 }) })
  }

  /** Record a warning at `field`. */
  warning(field: ComposeField, message: string): void {
    this.list.push({ field, severity: 'warning', message })
  }

  /** True when `field` has an error already. */
  hasError(field: ComposeField): boolean {
    return this.list.some((d) => d.field === field && d.severity === 'error')
  }

  /** True when any error was recorded. */
  get anyError(): boolean {
    return this.list.some((d) => d.severity === 'error')
  }
}

/**
 * A parse error as a sentence for the field it happened in, and the range to
 * underline (at least one character, kept inside the text).
 */
export function parseDiagnostic(field: ComposeField, text: string, error: EdnParseError): FieldDiagnostic {
  const from = Math.max(0, Math.min(error.offset, Math.max(0, text.length - 1)))
  return { field, severity: 'error', message: `This is not valid EDN: ${error.message}.`, from, to: Math.min(text.length, from + 1) }
}

/** Read one field (`undefined` when it is blank); a parse error is recorded in `out` and gives null. */
export function readField(field: ComposeField, text: string, out: FieldDiagnostics): FieldValue {
  if (text.trim() === '') return undefined
  try {
    return readEdn(text)
  } catch (e) {
    if (!(e instanceof EdnParseError)) throw e
    out.list.push(parseDiagnostic(field, text, e))
    return null
  }
}
