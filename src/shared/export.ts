/** Exporting events to a file: formats and the outcome. */

/** `edn`: one vector of event maps exactly as the library prints them; `json`: the same as JSON (see "copy as JSON"). */
export type ExportFormat = 'edn' | 'json'

/** What an export did. */
export type ExportOutcome =
  | { readonly result: 'cancelled' }
  | {
      readonly result: 'ok'
      /** The file written. */
      readonly path: string
      readonly format: ExportFormat
      /** Events written. */
      readonly events: number
      /** Size of the file in bytes. */
      readonly bytes: number
    }
