/**
 * A handful of line icons drawn inline (no icon font, nothing remote).
 * 24×24 viewBox, `currentColor` stroke, sized by the `size` prop.
 */
import type { ReactNode, SVGProps } from 'react'

/** Props of every icon. */
export interface IconProps extends Omit<SVGProps<SVGSVGElement>, 'children'> {
  readonly size?: number | string
}

function icon(name: string, paths: ReactNode): (props: IconProps) => ReactNode {
  function Icon({ size = 18, ...rest }: IconProps): ReactNode {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...rest}
      >
        {paths}
      </svg>
    )
  }
  Icon.displayName = `Icon${name}`
  return Icon
}

/** A database cylinder. */
export const IconDatabase = icon('Database', (
  <>
    <ellipse cx="12" cy="6" rx="8" ry="3" />
    <path d="M4 6v6c0 1.7 3.6 3 8 3s8-1.3 8-3V6" />
    <path d="M4 12v6c0 1.7 3.6 3 8 3s8-1.3 8-3v-6" />
  </>
))
/** An open folder. */
export const IconFolderOpen = icon('FolderOpen', (
  <>
    <path d="M5 19l2.8-7.2A2 2 0 0 1 9.7 10.5H21l-3 8.5H5z" />
    <path d="M5 19a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h4l3 3h6a2 2 0 0 1 2 2v1.5" />
  </>
))
/** A file with a plus. */
export const IconFilePlus = icon('FilePlus', (
  <>
    <path d="M14 3v4a1 1 0 0 0 1 1h4" />
    <path d="M17 21H7a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h7l5 5v11a2 2 0 0 1-2 2z" />
    <path d="M12 11v6M9 14h6" />
  </>
))
/** A closed padlock. */
export const IconLock = icon('Lock', (
  <>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </>
))
/** An open padlock. */
export const IconLockOpen = icon('LockOpen', (
  <>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 7.5-2" />
  </>
))
/** A magnifier. */
export const IconSearch = icon('Search', (
  <>
    <circle cx="10.5" cy="10.5" r="6.5" />
    <path d="M20 20l-4.8-4.8" />
  </>
))
/** The sun (light scheme). */
export const IconSun = icon('Sun', (
  <>
    <circle cx="12" cy="12" r="4" />
    <path d="M12 2.5v2M12 19.5v2M4.6 4.6L6 6M18 18l1.4 1.4M2.5 12h2M19.5 12h2M4.6 19.4L6 18M18 6l1.4-1.4" />
  </>
))
/** The moon (dark scheme). */
export const IconMoon = icon('Moon', <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />)
/** Half-filled circle (follow the system). */
export const IconContrast = icon('Contrast', (
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 3v18a9 9 0 0 0 0-18z" fill="currentColor" />
  </>
))
/** A cross. */
export const IconX = icon('X', <path d="M6 6l12 12M18 6L6 18" />)
/** Dashboard tiles (Overview). */
export const IconLayout = icon('Layout', (
  <>
    <rect x="3" y="3" width="7" height="9" rx="1.5" />
    <rect x="14" y="3" width="7" height="5" rx="1.5" />
    <rect x="14" y="12" width="7" height="9" rx="1.5" />
    <rect x="3" y="16" width="7" height="5" rx="1.5" />
  </>
))
/** Sparkles (the demo store). */
export const IconSparkles = icon('Sparkles', (
  <>
    <path d="M12 3l1.8 4.7L18.5 9.5l-4.7 1.8L12 16l-1.8-4.7L5.5 9.5l4.7-1.8z" />
    <path d="M18.5 15.5l.8 2 2 .8-2 .8-.8 2-.8-2-2-.8 2-.8z" />
  </>
))
/** A clock with an arrow (recent files). */
export const IconHistory = icon('History', (
  <>
    <path d="M12 8v4l3 2" />
    <path d="M3.05 11a9 9 0 1 1 .5 4" />
    <path d="M3 4v4h4" />
  </>
))
/** A circular arrow around a play mark (replay). */
export const IconReplay = icon('Replay', (
  <>
    <path d="M4 12a8 8 0 1 0 2.34-5.66L4 8.5" />
    <path d="M4 4v4.5h4.5" />
    <path d="M10.5 9.5v5l4-2.5z" />
  </>
))
/** An arrow out of a tray (export). */
export const IconDownload = icon('Download', (
  <>
    <path d="M12 4v11M7 10l5 5 5-5" />
    <path d="M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
  </>
))
/** An arrow into a tray (drop a file). */
export const IconDrop = icon('Drop', (
  <>
    <path d="M12 3v12M7 10l5 5 5-5" />
    <path d="M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
  </>
))
/** A keyboard key (command palette). */
export const IconCommand = icon('Command', (
  <path d="M9 6a3 3 0 1 0-3 3h12a3 3 0 1 0-3-3v12a3 3 0 1 0 3-3H6a3 3 0 1 0 3 3z" />
))
/** Arrow right. */
export const IconArrowRight = icon('ArrowRight', <path d="M5 12h14M13 6l6 6-6 6" />)
/** Arrow left. */
export const IconArrowLeft = icon('ArrowLeft', <path d="M19 12H5M11 6l-6 6 6 6" />)

/** Rows of a list (the event table). */
export const IconList = icon('List', <path d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />)
/** Three stacked boxes (aggregates). */
export const IconBoxes = icon('Boxes', (
  <>
    <path d="M12 3l8 4-8 4-8-4 8-4z" />
    <path d="M4 12l8 4 8-4" />
    <path d="M4 17l8 4 8-4" />
  </>
))
/** A plug (connect to a server). */
export const IconPlug = icon('Plug', <path d="M9 2v6M15 2v6M6 8h12v3a6 6 0 0 1-12 0V8zM12 17v5" />)
/** A circular arrow (reconnect, reload). */
export const IconRefresh = icon('Refresh', <path d="M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7" />)
