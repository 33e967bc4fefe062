/** Composing channels: validation, autocomplete and the preflight (a dry rebase; nothing is written). */
import type { Handlers } from './handler'
import { storeQuery } from './store-query'

/** `store:preflight`, `compose:validate`, `store:known-identities` */
export const composeHandlers: Handlers<'store:preflight' | 'compose:validate' | 'store:known-identities'> = {
  'store:preflight': storeQuery('preflight'),
  'compose:validate': storeQuery('composeValidate'),
  'store:known-identities': storeQuery('knownIdentities', undefined, 'background')
}
