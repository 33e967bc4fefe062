/** Zod schemas of the composer's requests (see `../compose.ts` for the types they check). */
import { z } from 'zod'

/** Upper bound of one staged event as EDN text. */
export const MAX_EVENT_EDN_LENGTH = 1024 * 1024

/** Upper bound of a staged batch. */
export const MAX_STAGED_EVENTS = 10_000

const fieldText = z.string().max(MAX_EVENT_EDN_LENGTH)

/** `ComposeForm` */
export const composeFormSchema = z.strictObject({
  type: z.enum(['action', 'effect']),
  timestamp: fieldText,
  source: fieldText,
  reason: fieldText,
  actor: fieldText,
  aggregate: fieldText,
  triggers: fieldText,
  trigger: fieldText,
  assoc: z.array(z.strictObject({ key: fieldText, value: fieldText })).max(10_000).readonly(),
  dissoc: z.array(fieldText).max(10_000).readonly()
})

/** `ComposeInput`: the form, or the whole event as raw EDN. */
export const composeInputSchema = z.union([z.strictObject({ form: composeFormSchema }), z.strictObject({ raw: fieldText })])

/** `IdentityRole` */
export const identityRoleSchema = z.enum(['aggregate', 'actor', 'trigger'])
