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
    const measure = (): void => {
      const shown = root !== null && root.childElementCount > 0
      const top = root?.getBoundingClientRect().top ?? window.innerHeight
      html.style.setProperty(NOTIFICATIONS_RESERVE, shown ? `${Math.ceil(window.innerHeight - top)}px` : '0px')
    }
    const sizes = new ResizeObserver(measure)
    // The root is a portal at the end of <body>: find it once it is there.
    const attach = (): void => {
      const found = document.querySelector(ROOT_SELECTOR)
      if (found === root) return
      root = found
      sizes.disconnect()
      if (root) sizes.observe(root)
      measure()
    }
    const portals = new MutationObserver(attach)
    portals.observe(document.body, { childList: true })
    attach()
    window.addEventListener('resize', measure)
    return () => {
      portals.disconnect()
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
