/** One tab per open store; arrow keys move between tabs, each tab has its own close button. */
import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import { CloseButton, Group, Text, Tooltip, UnstyledButton } from '@mantine/core'
import { IconLock, IconLockOpen } from '../ui/icons'
import { useWorkspace } from '../workspace/WorkspaceProvider'
import { storeName } from '../ui/format'
import classes from './Shell.module.css'

/** Keeps the active tab scrolled into view in an overflowing strip: when it changes, and when the strip narrows (the header's other items grow). */
function useActiveTabInView(activeId: string | null, count: number): RefObject<HTMLDivElement | null> {
  const strip = useRef<HTMLDivElement | null>(null)
  useEffect(() => {
    const show = (): void => document.getElementById(`store-tab-${activeId}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    show()
    const element = strip.current
    if (!element) return
    const observer = new ResizeObserver(show)
    observer.observe(element)
    return () => observer.disconnect()
  }, [activeId, count])
  return strip
}

/** The tab strip in the header; the active tab is scrolled into view when the strip overflows (a store just opened is seen). */
export function StoreTabs(): ReactNode {
  const { state, activate, closeStore } = useWorkspace()
  const strip = useActiveTabInView(state.activeId, state.tabs.length)

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const last = state.tabs.length - 1
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key]
    if (target === undefined) return
    event.preventDefault()
    const id = state.tabs[target].info.storeId
    activate(id)
    document.getElementById(`store-tab-${id}`)?.focus()
  }

  if (state.tabs.length === 0) return null
  return (
    <Group ref={strip} gap={4} wrap="nowrap" role="tablist" aria-label="Open stores" className={classes.tabStrip}>
      {state.tabs.map((tab, index) => {
        const active = tab.info.storeId === state.activeId
        const name = storeName(tab.info)
        const LockIcon = tab.info.locked ? IconLock : IconLockOpen
        return (
          <div key={tab.info.storeId} className={classes.tab} data-active={active || undefined}>
            <Tooltip label={tab.info.path} openDelay={600} withArrow>
              <UnstyledButton
                id={`store-tab-${tab.info.storeId}`}
                role="tab"
                aria-selected={active}
                tabIndex={active ? 0 : -1}
                className={classes.tabButton}
                onClick={() => activate(tab.info.storeId)}
                onKeyDown={(e) => onKeyDown(e, index)}
              >
                <LockIcon size={14} color={tab.info.locked ? undefined : 'var(--mantine-color-orange-6)'} aria-label={tab.info.locked ? 'read-only' : 'unlocked'} />
                <Text span size="sm" fw={active ? 600 : 400} className={classes.tabLabel}>
                  {name}
                </Text>
                {tab.info.fork && (
                  <Text span size="xs" fw={700} c="grape" aria-label={`fork of ${tab.info.fork.origin}`} data-testid="fork-tab-mark">
                    FORK
                  </Text>
                )}
              </UnstyledButton>
            </Tooltip>
            <CloseButton size="sm" aria-label={`Close ${name}`} onClick={() => void closeStore(tab.info.storeId)} />
          </div>
        )
      })}
    </Group>
  )
}
