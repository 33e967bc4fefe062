/** Audit channels: trigger index, trigger graph, blast radius, timeline. */
import type { Handlers } from './handler'
import { storeQuery } from './store-query'

type AuditChannel = 'store:trigger-index' | 'store:count-triggers' | 'store:trigger-graph' | 'store:blast-radius' | 'store:blast-read-sizes' | 'store:timeline'

/** `store:trigger-index`, `store:count-triggers`, `store:trigger-graph`, `store:blast-radius`, `store:blast-read-sizes`, `store:timeline` */
export const auditHandlers: Handlers<AuditChannel> = {
  'store:trigger-index': storeQuery('triggerIndex', (file) => ({ operation: 'audit', label: `Listing triggers of ${file}` }), 'background'),
  'store:count-triggers': storeQuery('countTriggers', undefined, 'background'),
  'store:trigger-graph': storeQuery('triggerGraph', (file) => ({ operation: 'audit', label: `Drawing the trigger graph of ${file}` }), 'background'),
  'store:blast-radius': storeQuery('blastRadius', (file) => ({ operation: 'audit', label: `Working out a blast radius in ${file}` }), 'background'),
  'store:blast-read-sizes': storeQuery('blastReadSizes', (file) => ({ operation: 'audit', label: `Sizing a read with and without an effect in ${file}` }), 'background'),
  'store:timeline': storeQuery('timeline', (file) => ({ operation: 'audit', label: `Building the timeline of ${file}` }), 'background')
}
