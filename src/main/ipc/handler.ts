/** The shape of a channel handler and of the table that registers them all. */
import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract'
import type { IpcDeps } from './deps'

/** Handles one channel: gets the validated request, returns the response value or throws a coded error. */
export type Handler<C extends Channel> = (deps: IpcDeps, request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>

/** Handlers for some channels. */
export type Handlers<C extends Channel> = { readonly [K in C]: Handler<K> }
