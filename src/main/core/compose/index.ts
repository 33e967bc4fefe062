/**
 * Composing new events: the composer's form ↔ the event it stands for, and
 * live validation with the library's rules, each message at its field.
 */
export { validateCompose } from './validate'
export { eventToForm, formToEvent, type BuiltEvent } from './form'
export { FieldDiagnostics, readField, parseDiagnostic } from './fields'
