import { describe, expect, it } from 'vitest'
import { readEdn } from '../../../../src/main/core/edn'
import { parseNewEvents, type FieldError } from '../../../../src/main/core/domain'
import { edn } from '../../../../src/shared/edn-value'

const ACTION = '{:reason :create, :actor [:user "alice"], :aggregate [:book 1], :patch {:assoc {:title "Dune"}}}'
const EFFECT = '{:reason :key-expired, :trigger [:encryption-key 1]}'
const HEAD = ':timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :bookstore'
const IDENTITY_RULE = 'must be an identity [kind id] where kind is a keyword and id an integer, string or UUID'

/** The errors for `text`, failing the test when the input is accepted. */
function errorsOf(text: string): FieldError[] {
  const result = parseNewEvents(readEdn(text))
  if (result.ok) throw new Error(`expected ${text} to be refused`)
  return result.errors
}

/** The errors of a second event built from `body`, after a valid first one. */
function secondEventErrors(body: string): FieldError[] {
  return errorsOf(`[{${HEAD}, :action ${ACTION}} {${body}}]`)
}

describe('parseNewEvents accepts', () => {
  it('an action event with triggers and an effect event, as domain values', () => {
    const result = parseNewEvents(readEdn(`[{${HEAD}, :action ${ACTION}, :triggers [[:encryption-key 1]]} {${HEAD}, :effect ${EFFECT}}]`))
    expect(result).toEqual({
      ok: true,
      events: [
        {
          type: 'action',
          timestampMs: Date.UTC(2026, 10, 28, 14),
          source: edn.kw('bookstore'),
          action: {
            reason: edn.kw('create'),
            actor: { kind: edn.kw('user'), id: edn.str('alice') },
            aggregate: { kind: edn.kw('book'), id: edn.int(1) },
            patch: readEdn('{:assoc {:title "Dune"}}')
          },
          triggers: [{ kind: edn.kw('encryption-key'), id: edn.int(1) }]
        },
        {
          type: 'effect',
          timestampMs: Date.UTC(2026, 10, 28, 14),
          source: edn.kw('bookstore'),
          effect: { reason: edn.kw('key-expired'), trigger: { kind: edn.kw('encryption-key'), id: edn.int(1) } }
        }
      ]
    })
  })

  it('a list of events, UUID and big-integer ids, a set of triggers and extra keys the specs allow', () => {
    const result = parseNewEvents(readEdn(`({${HEAD}, :note "x", :action {:reason :r, :actor [:user #uuid "5f1c0000-0000-4000-8000-000000000001"], :aggregate [:book 12345678901234567890], :patch {:dissoc [[:a :b]], :comment 1}}, :triggers #{[:k 1] [:k "1"]}})`))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const [event] = result.events
    expect(event.type === 'action' && event.triggers.length).toBe(2)
  })

  it('an action without :triggers as one with none', () => {
    const result = parseNewEvents(readEdn(`[{${HEAD}, :action ${ACTION}}]`))
    expect(result.ok && result.events[0].type === 'action' && result.events[0].triggers).toEqual([])
  })
})

describe('parseNewEvents refuses', () => {
  it('input that is not a vector, saying how to wrap a single event', () => {
    expect(errorsOf(`{${HEAD}, :action ${ACTION}}`)).toEqual([{
      path: '',
      message: expect.stringMatching(/^The events must be a vector of new events .*; got \{.*… \(a map — wrap a single event in \[ \]\)\.$/)
    }])
    expect(errorsOf('"events"')[0].message).toMatch(/got "events" \(a string\)\.$/)
  })

  it('an empty vector', () => {
    expect(errorsOf('[]')).toEqual([{ path: '', message: 'The events must not be empty: give at least one new event.' }])
  })

  it('an event that is not a map', () => {
    expect(errorsOf(`[{${HEAD}, :action ${ACTION}} [:not :a :map]]`)).toEqual([{
      path: '[1]',
      message: expect.stringMatching(/^Event 2 must be a map such as \{:timestamp .*; got \[:not :a :map\] \(a vector\)\.$/)
    }])
  })

  it('a :seq-no, saying that new events get theirs from the store', () => {
    expect(secondEventErrors(`:seq-no 4, ${HEAD}, :action ${ACTION}`)).toEqual([{
      path: '[1] :seq-no',
      message: 'Event 2: :seq-no must not be given: a new event gets its seq-no from the store when it is appended; remove :seq-no.'
    }])
  })

  it('a missing :timestamp, and one that is not an #inst', () => {
    expect(secondEventErrors(`:source :s, :action ${ACTION}`)).toEqual([{
      path: '[1] :timestamp',
      message: 'Event 2: :timestamp is missing; it must be an instant such as #inst "2026-11-28T14:00:00.000-00:00".'
    }])
    expect(secondEventErrors(`:timestamp 1764338400, :source :s, :action ${ACTION}`)).toEqual([{
      path: '[1] :timestamp',
      message: 'Event 2: :timestamp must be an instant such as #inst "2026-11-28T14:00:00.000-00:00"; got 1764338400 (an integer).'
    }])
  })

  it('a missing :source, and one that is not a keyword', () => {
    const time = ':timestamp #inst "2026-01-01"'
    expect(secondEventErrors(`${time}, :action ${ACTION}`)).toEqual([{
      path: '[1] :source',
      message: 'Event 2: :source is missing; it must be a keyword such as :bookstore.'
    }])
    expect(secondEventErrors(`${time}, :source "bookstore", :action ${ACTION}`)).toEqual([{
      path: '[1] :source',
      message: 'Event 2: :source must be a keyword such as :bookstore; got "bookstore" (a string).'
    }])
  })

  it('both :action and :effect, and neither', () => {
    const both = 'Event 2 has both :action and :effect; an event is either an action (with :action) or an effect (with :effect).'
    const neither = 'Event 2 has neither :action nor :effect; an event is either an action (with :action) or an effect (with :effect).'
    expect(secondEventErrors(`${HEAD}, :action ${ACTION}, :effect ${EFFECT}`)).toEqual([{ path: '[1]', message: both }])
    expect(secondEventErrors(HEAD)).toEqual([{ path: '[1]', message: neither }])
  })

  it('an :action or :effect that is not a map', () => {
    expect(secondEventErrors(`${HEAD}, :action [:create]`)).toEqual([{
      path: '[1] :action',
      message: 'Event 2: :action must be a map {:reason … :actor [kind id] :aggregate [kind id] :patch {…}}; got [:create] (a vector).'
    }])
    expect(secondEventErrors(`${HEAD}, :effect nil`)).toEqual([{
      path: '[1] :effect',
      message: 'Event 2: :effect must be a map {:reason … :trigger [kind id]}; got nil (nil).'
    }])
  })

  it('missing action fields, each by name', () => {
    expect(secondEventErrors(`${HEAD}, :action {}`).map((e) => e.message)).toEqual([
      'Event 2: :action :reason is missing; it must be a keyword such as :create.',
      `Event 2: :action :actor is missing; it must be an identity [kind id] where kind is a keyword and id an integer, string or UUID.`,
      `Event 2: :action :aggregate is missing; it must be an identity [kind id] where kind is a keyword and id an integer, string or UUID.`,
      'Event 2: :action :patch is missing; it must be a map with :assoc and/or :dissoc.'
    ])
  })

  it('a reason that is not a keyword (action and effect)', () => {
    expect(secondEventErrors(`${HEAD}, :action {:reason "create", :actor [:u 1], :aggregate [:b 1], :patch {:dissoc [:a]}}`)).toEqual([{
      path: '[1] :action :reason',
      message: 'Event 2: :action :reason must be a keyword such as :create; got "create" (a string).'
    }])
    expect(secondEventErrors(`${HEAD}, :effect {:reason expired, :trigger [:k 1]}`)).toEqual([{
      path: '[1] :effect :reason',
      message: 'Event 2: :effect :reason must be a keyword such as :key-expired; got expired (a symbol).'
    }])
  })

  it.each([
    ['"x"', '"x" (a string)'],
    ['(:book 1)', '(:book 1) (a list; an identity must be a vector)'],
    ['[:book]', '[:book] (1 item, not 2)'],
    ['[:book 1 2]', '[:book 1 2] (3 items, not 2)'],
    ['["book" 1]', '["book" 1] (the kind "book" is a string, not a keyword)'],
    ['[book 1]', '[book 1] (the kind book is a symbol, not a keyword)'],
    ['[:book 1.5]', '[:book 1.5] (the id 1.5 is a floating-point number)'],
    ['[:book :one]', '[:book :one] (the id :one is a keyword)'],
    ['[:book nil]', '[:book nil] (the id nil is nil)'],
    ['[:book 1M]', '[:book 1M] (the id 1M is a decimal number (BigDecimal))']
  ])('the aggregate identity %s', (identity, got) => {
    expect(secondEventErrors(`${HEAD}, :action {:reason :r, :actor [:u 1], :aggregate ${identity}, :patch {:dissoc [:a]}}`)).toEqual([{
      path: '[1] :action :aggregate',
      message: `Event 2: :action :aggregate ${IDENTITY_RULE}; got ${got}.`
    }])
  })

  it('a bad actor and a bad effect trigger', () => {
    expect(secondEventErrors(`${HEAD}, :action {:reason :r, :actor :alice, :aggregate [:b 1], :patch {:dissoc [:a]}}`)).toEqual([{
      path: '[1] :action :actor',
      message: `Event 2: :action :actor ${IDENTITY_RULE}; got :alice (a keyword).`
    }])
    expect(secondEventErrors(`${HEAD}, :effect {:reason :r, :trigger [:k 1.0]}`)).toEqual([{
      path: '[1] :effect :trigger',
      message: `Event 2: :effect :trigger ${IDENTITY_RULE}; got [:k 1.0] (the id 1.0 is a floating-point number).`
    }])
  })

  it('a bad patch, with the path inside the event', () => {
    expect(secondEventErrors(`${HEAD}, :action {:reason :r, :actor [:u 1], :aggregate [:b 1], :patch {:assoc {}}}`)).toEqual([{
      path: '[1] :action :patch :assoc',
      message: 'Event 2: :action :patch :assoc must not be empty: give at least one key and its value, or leave :assoc out.'
    }])
  })

  describe(':triggers', () => {
    const withTriggers = (triggers: string): FieldError[] => secondEventErrors(`${HEAD}, :action ${ACTION}, :triggers ${triggers}`)
    const rule = 'must be a non-empty collection of distinct identities, such as #{[:encryption-key 1]}'

    it('empty', () => {
      expect(withTriggers('[]')).toEqual([{
        path: '[1] :triggers',
        message: 'Event 2: :triggers must not be empty; leave :triggers out when the action has none.'
      }])
    })

    it('not a collection (nil, a keyword, a string)', () => {
      expect(withTriggers('nil')).toEqual([{ path: '[1] :triggers', message: `Event 2: :triggers ${rule}; got nil (nil).` }])
      expect(withTriggers(':k')[0].message).toBe(`Event 2: :triggers ${rule}; got :k (a keyword).`)
      expect(withTriggers('"k"')[0].message).toBe(`Event 2: :triggers ${rule}; got "k" (a string).`)
    })

    it('a single identity instead of a collection of them', () => {
      expect(withTriggers('[:encryption-key 1]')).toEqual([{
        path: '[1] :triggers',
        message: `Event 2: :triggers ${rule}; [:encryption-key 1] is a single identity — write [[:encryption-key 1]].`
      }])
    })

    it('not distinct, also when only Clojure finds them equal', () => {
      expect(withTriggers('[[:k 1] [:k 2] [:k 1]]')).toEqual([{
        path: '[1] :triggers [2]',
        message: 'Event 2: :triggers lists [:k 1] twice; the triggers must be distinct.'
      }])
      expect(withTriggers('[[:k 1] [:k 1N]]')[0].message).toBe(
        'Event 2: :triggers lists [:k 1] and [:k 1N], which are equal in Clojure; the triggers must be distinct.')
    })

    it('with a bad identity', () => {
      expect(withTriggers('[[:k 1] [:k 2.5]]')).toEqual([{
        path: '[1] :triggers [1]',
        message: `Event 2: :triggers [1] ${IDENTITY_RULE}; got [:k 2.5] (the id 2.5 is a floating-point number).`
      }])
    })

    it('on an effect event', () => {
      expect(secondEventErrors(`${HEAD}, :effect ${EFFECT}, :triggers [[:k 1]]`)).toEqual([{
        path: '[1] :triggers',
        message: 'Event 2: :triggers belongs to action events only; an effect names its trigger in :effect :trigger.'
      }])
    })
  })

  it('every problem of every event at once', () => {
    const errors = errorsOf(`[1 {${HEAD}, :action {:reason 1, :actor [:u 1], :aggregate [:b 1], :patch {:dissoc []}}}]`)
    expect(errors.map((e) => e.path)).toEqual(['[0]', '[1] :action :reason', '[1] :action :patch :dissoc'])
  })
})
