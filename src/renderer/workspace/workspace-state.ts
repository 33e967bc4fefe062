/**
 * The window's state as a pure reducer: open stores (tabs), the active one,
 * and which capability section is shown. No I/O, so it is unit tested.
 */
import type { StoreInfo } from '../../shared/ipc/types'

/** One open store. `revision` grows on every change, so views know to reload. */
export interface StoreTab {
  readonly info: StoreInfo
  readonly revision: number
  /** Set while the store's database connection is lost: the sentence to show (cleared by new info, e.g. after a reconnect). */
  readonly disconnected?: string
}

/** The capability sections of an open store (the shell lists them; features link to them). */
export type SectionId = 'overview' | 'events' | 'aggregates' | 'replay' | 'triggers' | 'problems' | 'compose'

/** The section a store shows first, and whenever a store is newly opened. */
export const DEFAULT_SECTION: SectionId = 'overview'

/** Everything the shell shows. */
export interface WorkspaceState {
  readonly tabs: readonly StoreTab[]
  readonly activeId: string | null
  readonly section: SectionId
}

/** What can happen. */
export type WorkspaceAction =
  | { readonly type: 'opened'; readonly info: StoreInfo }
  | { readonly type: 'updated'; readonly info: StoreInfo }
  | { readonly type: 'changed'; readonly storeId: string; readonly seqNo: number }
  | { readonly type: 'disconnected'; readonly storeId: string; readonly message: string }
  | { readonly type: 'closed'; readonly storeId: string }
  | { readonly type: 'activated'; readonly storeId: string }
  | { readonly type: 'cycled'; readonly step: 1 | -1 }
  | { readonly type: 'section'; readonly section: SectionId }

/** The state before anything is open. */
export function initialWorkspace(section: SectionId = DEFAULT_SECTION): WorkspaceState {
  return { tabs: [], activeId: null, section }
}

function replaceTab(tabs: readonly StoreTab[], storeId: string, update: (tab: StoreTab) => StoreTab): readonly StoreTab[] {
  return tabs.map((tab) => (tab.info.storeId === storeId ? update(tab) : tab))
}

/** The next state. Unknown store ids are ignored (a push may race a close). */
export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'opened': {
      const known = state.tabs.some((t) => t.info.storeId === action.info.storeId)
      const tabs = known
        ? replaceTab(state.tabs, action.info.storeId, (t) => ({ info: action.info, revision: t.revision + 1 }))
        : [...state.tabs, { info: action.info, revision: 0 }]
      // A newly opened store starts on its Overview; reopening one keeps the section shown.
      return { ...state, tabs, activeId: action.info.storeId, section: known ? state.section : DEFAULT_SECTION }
    }
    case 'updated':
      return { ...state, tabs: replaceTab(state.tabs, action.info.storeId, (t) => ({ info: action.info, revision: t.revision + 1 })) }
    case 'changed':
      return {
        ...state,
        tabs: replaceTab(state.tabs, action.storeId, (t) => ({ info: { ...t.info, seqNo: action.seqNo }, revision: t.revision + 1 }))
      }
    case 'disconnected':
      return { ...state, tabs: replaceTab(state.tabs, action.storeId, (t) => ({ ...t, disconnected: action.message })) }
    case 'closed': {
      const index = state.tabs.findIndex((t) => t.info.storeId === action.storeId)
      if (index < 0) return state
      const tabs = state.tabs.filter((t) => t.info.storeId !== action.storeId)
      if (state.activeId !== action.storeId) return { ...state, tabs }
      const neighbour = tabs[Math.min(index, tabs.length - 1)]
      return { ...state, tabs, activeId: neighbour ? neighbour.info.storeId : null }
    }
    case 'activated':
      return state.tabs.some((t) => t.info.storeId === action.storeId) ? { ...state, activeId: action.storeId } : state
    case 'cycled': {
      if (state.tabs.length === 0) return state
      const index = state.tabs.findIndex((t) => t.info.storeId === state.activeId)
      const next = (index + action.step + state.tabs.length) % state.tabs.length
      return { ...state, activeId: state.tabs[next].info.storeId }
    }
    case 'section':
      return { ...state, section: action.section }
  }
}

/** The active tab, if any. */
export function activeTab(state: WorkspaceState): StoreTab | null {
  return state.tabs.find((t) => t.info.storeId === state.activeId) ?? null
}
