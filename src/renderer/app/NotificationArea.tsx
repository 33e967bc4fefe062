/**
 * Toasts, docked bottom-right, that never cover what the user acts on: at
 * most two show at once (the rest wait their turn), and while any show, the
 * page reserves their height below its content (padding and scroll padding),
 * so every button and list can be scrolled clear of them, the way a docked
 * panel in a desktop app takes its own room.
 */
import { useEffect, type ReactNode } from 'react'
import { Notifications } from '@mantine/notifications'
import './NotificationArea.css'

/** How many toasts show at once; later ones queue. */
export const VISIBLE_NOTIFICATIONS = 2

/** The CSS variable holding the room the toasts take at the bottom of the window (0px when none show). */
export const NOTIFICATIONS_RESERVE = '--cs-notifications-reserve'

const ROOT_SELECTOR = '.mantine-Notifications-root[data-position="bottom-right"]'

/** Track the toasts' height into `NOTIFICATIONS_RESERVE`. */
function useReserve(): void {
  useEffect(() => {
    const html = document.documentElement
    let root: Element | null = null
    const sizes = new ResizeObserver(() => measure())
    // The root lives in a portal at the end of <body> and may be replaced: look it up on every change.
    function measure(): void {
      const found = document.querySelector(ROOT_SELECTOR)
      if (found !== root) {
        sizes.disconnect()
        root = found
        if (root) sizes.observe(root)
      }
      const shown = root !== null && root.childElementCount > 0
      const top = root?.getBoundingClientRect().top ?? window.innerHeight
      html.style.setProperty(NOTIFICATIONS_RESERVE, shown ? `${Math.ceil(window.innerHeight - top)}px` : '0px')
    }
    // Toasts come and go inside the portal; the portal itself is a child of <body>.
    const toasts = new MutationObserver(() => measure())
    const watchPortal = (): void => {
      toasts.disconnect()
      const portal = document.querySelector(ROOT_SELECTOR)?.closest('body > *')
      if (portal) toasts.observe(portal, { childList: true, subtree: true })
      measure()
    }
    const portals = new MutationObserver(watchPortal)
    portals.observe(document.body, { childList: true })
    watchPortal()
    window.addEventListener('resize', measure)
    return () => {
      portals.disconnect()
      toasts.disconnect()
      sizes.disconnect()
      window.removeEventListener('resize', measure)
      html.style.removeProperty(NOTIFICATIONS_RESERVE)
    }
  }, [])
}

/** The toasts and their reserved room. */
export function NotificationArea(): ReactNode {
  useReserve()
  return <Notifications position="bottom-right" limit={VISIBLE_NOTIFICATIONS} containerWidth={380} />
}
