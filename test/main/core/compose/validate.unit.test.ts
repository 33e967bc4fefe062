import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { ComposeForm } from '../../../../src/shared/compose'
import { validateCompose } from '../../../../src/main/core/compose'
import { parseNewEvents } from '../../../../src/main/core/domain'
import { readEdn } from '../../../../src/main/core/edn'

const FORM: ComposeForm = {
  type: 'action',
  timestamp: '#inst "2026-11-28T14:00:00.000-00:00"',
  source: ':bookstore',
  reason: ':update',
  actor: '[:user "alice"]',
  aggregate: '[:book "Neuromancer"]',
  triggers: '',
  trigger: '',
  assoc: [{ key: ':genre', value: '"Cyberpunk"' }],
  dissoc: []
}

const with_ = (change: Partial<ComposeForm>): ComposeForm => ({ ...FORM, ...change })
const diagnostics = (form: ComposeForm) => validateCompose({ form }).diagnostics

describe('validateCompose on the form', () => {
  it('prints a valid action exactly as Clojure would, in the library shape', () => {
    const result = validateCompose({ form: with_({ triggers: '[[:encryption-key 1]]', dissoc: [':draft'] }) })
    expect(result.diagnostics).toEqual([])
    expect(result.edn).toBe(
      '{:timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :bookstore, :action {:reason :update, :actor [:user "alice"], ' +
        ':aggregate [:book "Neuromancer"], :patch {:assoc {:genre "Cyberpunk"}, :dissoc [:draft]}}, :triggers [[:encryption-key 1]]}'
    )
    expect(parseNewEvents(readEdn(`[${result.edn}]`)).ok).toBe(true)
  })

  it('builds an effect from reason and trigger only', () => {
    const result = validateCompose({ form: with_({ type: 'effect', source: ':keystore', reason: ':key-expired', trigger: '[:encryption-key 1]' }) })
    expect(result.edn).toBe('{:timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :keystore, :effect {:reason :key-expired, :trigger [:encryption-key 1]}}')
  })

  it('puts a parse error at its field with the place to underline', () => {
    const [d] = diagnostics(with_({ actor: '[:user "alice"' }))
    expect(d).toMatchObject({ field: 'actor', severity: 'error', from: 13 })
    expect(d.message).toMatch(/^This is not valid EDN: .*end of input/)
    expect(diagnostics(with_({ actor: '[:user "alice"' }))).toHaveLength(1) // not also "missing"
  })

  it('names a missing field, a wrong id type, a non-keyword reason and source at their fields', () => {
    expect(diagnostics(with_({ source: '' }))).toEqual([
      { field: 'source', severity: 'error', message: 'The source is missing; it must be a keyword such as :bookstore.' }
    ])
    const [id] = diagnostics(with_({ aggregate: '[:book 1.5]' }))
    expect(id.field).toBe('aggregate')
    expect(id.message).toBe('The aggregate must be an identity [kind id] where kind is a keyword and id an integer, string or UUID; got [:book 1.5] (the id 1.5 is a floating-point number).')
    expect(diagnostics(with_({ reason: '"update"' }))[0]).toMatchObject({ field: 'reason', message: expect.stringMatching(/^The reason must be a keyword/) })
    expect(diagnostics(with_({ timestamp: '"yesterday"' }))[0]).toMatchObject({ field: 'timestamp', message: expect.stringMatching(/^The timestamp must be an instant/) })
    expect(diagnostics(with_({ triggers: '[:encryption-key 1]' }))[0]).toMatchObject({ field: 'triggers', message: expect.stringMatching(/single identity/) })
  })

  it('reports an empty patch at the patch, a duplicate dissoc key and a bad key at their rows', () => {
    expect(diagnostics(with_({ assoc: [{ key: '', value: '' }] }))).toEqual([
      { field: 'patch', severity: 'error', message: 'The patch must have :assoc (keys to set) or :dissoc (keys to remove), or both; it has neither (it is empty).' }
    ])
    expect(diagnostics(with_({ dissoc: [':a', ':b', ':a'] }))).toEqual([
      { field: 'dissoc.2', severity: 'error', message: ':dissoc names :a twice; the keys must be distinct.' }
    ])
    expect(diagnostics(with_({ assoc: [{ key: ':ok', value: '1' }, { key: '"title"', value: '1' }] }))[0]).toMatchObject({ field: 'assoc.1.key' })
    expect(diagnostics(with_({ dissoc: ['', '1'] }))[0]).toMatchObject({ field: 'dissoc.1', message: expect.stringMatching(/^:dissoc has the key 1, but a key must be a keyword/) })
  })

  it('asks for the missing half of an assoc row, and refuses a key set twice', () => {
    expect(diagnostics(with_({ assoc: [{ key: ':genre', value: '' }] }))[0]).toMatchObject({ field: 'assoc.0.value', severity: 'error' })
    expect(diagnostics(with_({ assoc: [{ key: '', value: '1' }] }))[0]).toMatchObject({ field: 'assoc.0.key', severity: 'error' })
    expect(diagnostics(with_({ assoc: [{ key: ':a', value: '1' }, { key: ':a', value: '2' }] }))).toEqual([
      { field: 'assoc.1.key', severity: 'error', message: 'The key :a is already set in row 1; a map holds each key once, so remove one of the rows.' }
    ])
  })

  it('warns (and still accepts) when a key is both assoc\'d and dissoc\'d', () => {
    const result = validateCompose({ form: with_({ dissoc: [':genre'] }) })
    expect(result.edn).not.toBeNull()
    expect(result.diagnostics).toEqual([
      { field: 'dissoc.0', severity: 'warning', message: ':dissoc removes :genre, which :assoc also sets; the library applies :assoc first and :dissoc second, so :genre ends up removed.' }
    ])
  })
})

describe('validateCompose on raw EDN', () => {
  it('gives back the form for an event the form can show, and the same EDN both ways', () => {
    const formResult = validateCompose({ form: with_({ dissoc: [':draft', '[:address :city]'] }) })
    const raw = validateCompose({ raw: formResult.edn ?? '' })
    expect(raw.diagnostics).toEqual([])
    expect(raw.edn).toBe(formResult.edn)
    expect(raw.form).toEqual(with_({ dissoc: [':draft', '[:address :city]'] }))
  })

  it('explains why the form cannot show a patch with other keys, and reports library errors with their paths', () => {
    const raw = validateCompose({ raw: '{:timestamp #inst "2026-11-28T14:00:00Z", :source :s, :action {:reason :r, :actor [:u 1], :aggregate [:b 1], :patch {:assoc {}}}}' })
    expect(raw.edn).toBeNull()
    expect(raw.diagnostics).toEqual([{ field: 'raw', severity: 'error', message: ':action :patch :assoc must not be empty: give at least one key and its value, or leave :assoc out.' }])
    expect(raw.formProblem).toMatch(/non-empty map; keep editing it as raw EDN/)
    // At the end of the input the last character is underlined, so the mark stays visible.
    expect(validateCompose({ raw: '{:a' }).diagnostics[0]).toMatchObject({ field: 'raw', from: 2, to: 3 })
  })

  it('form → EDN → form is the identity for forms of simple values (property)', () => {
    const keyword = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/).map((s) => `:${s}`)
    const value = fc.oneof(fc.integer().map(String), fc.string().map((s) => JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, '\\u00$1')), fc.constant('nil'))
    fc.assert(
      fc.property(fc.uniqueArray(keyword, { minLength: 1, maxLength: 6 }), fc.array(value, { minLength: 6, maxLength: 6 }), (keys, values) => {
        const form = with_({ assoc: keys.map((key, i) => ({ key, value: values[i] })) })
        const first = validateCompose({ form })
        fc.pre(first.edn !== null)
        const back = validateCompose({ raw: first.edn ?? '' })
        expect(back.edn).toBe(first.edn)
        expect(validateCompose({ form: back.form as ComposeForm }).edn).toBe(first.edn)
      })
    )
  })
})

describe('the one-line summary of a valid event', () => {
  it('names type, reason, aggregate and the patch summary of an action; the trigger of an effect; nothing with errors', () => {
    const action = validateCompose({
      raw: '{:timestamp #inst "2026-11-28T14:00:00Z", :source :bookstore, :action {:reason :update, :actor [:user "bob"], :aggregate [:book "Dune"], :patch {:assoc {:price 12}, :dissoc [:author]}}}'
    })
    expect(action.summary).toBe('action :update on [:book "Dune"] · assoc :price 12 · dissoc :author')
    const effect = validateCompose({ raw: '{:timestamp #inst "2026-11-28T14:00:00Z", :source :keystore, :effect {:reason :key-expired, :trigger [:encryption-key 1]}}' })
    expect(effect.summary).toBe('effect :key-expired on trigger [:encryption-key 1]')
    expect(validateCompose({ raw: '{:source :x}' }).summary).toBeNull()
  })
})
