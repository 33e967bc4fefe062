/**
 * Toasts, docked bottom-right, that never cover what the user acts on or
 * reads: at most two show at once (the rest wait their turn), and while any
 * show they take their own strip at the bottom of the window, the way a docked
 * panel in a desktop app does: the section's scroll area (the shell's main)
 * ends above it (`NOTIFICATIONS_RESERVE`), so nothing the user sees, scrolled
 * or not, lies under a toast. Infos close by themselves; errors stay until read.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { Notifications } from '@mantine/notifications'
import classes from './Shell.module.css'

/** How many toasts show at once; later ones queue. */
export const VISIBLE_NOTIFICATIONS = 2

/** The CSS variable holding the room the toasts take at the bottom of the window (0px when none show). */
export const NOTIFICATIONS_RESERVE = '--cs-notifications-reserve'

/** Room between the strip's top border and the first toast (px). */
const DOCK_GAP = 8

const ROOT_SELECTOR = '.mantine-Notifications-root[data-position="bottom-right"]'

/** Track the toasts' height into `NOTIFICATIONS_RESERVE`; true while any toast shows. */
function useReserve(): boolean {
  const [shown, setShown] = useState(false)
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
      // A toast, not an empty wrapper left behind when the last one closed.
      const shown = root?.querySelector('.mantine-Notification-root') != null
      const top = root?.getBoundingClientRect().top ?? window.innerHeight
      html.style.setProperty(NOTIFICATIONS_RESERVE, shown ? `${Math.ceil(window.innerHeight - top) + DOCK_GAP}px` : '0px')
      setShown(shown)
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
  return shown
}

/** The toasts and their strip (a top border across the window while any show). */
export function NotificationArea(): ReactNode {
  const shown = useReserve()
  return (
    <>
      {shown && <div className={classes.notificationDock} aria-hidden data-testid="notification-dock" />}
      <Notifications position="bottom-right" limit={VISIBLE_NOTIFICATIONS} containerWidth={380} />
    </>
  )
}
