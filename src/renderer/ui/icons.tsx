/**
 * A handful of line icons drawn inline (no icon font, nothing remote).
 * 24×24 viewBox, `currentColor` stroke, sized by the `size` prop. Each icon
 * is data: the `d` of its paths (circles and rectangles spelled as paths by
 * the helpers below), drawn by the one SVG frame in `icon`.
 */
import type { ReactNode, SVGProps } from 'react'

/** Props of every icon. */
export interface IconProps extends Omit<SVGProps<SVGSVGElement>, 'children'> {
  readonly size?: number | string
}

/** One stroke: a path's `d`, or a filled one. */
type Stroke = string | { readonly d: string; readonly filled: true }

/** An ellipse centred on (cx, cy), as a path. */
const ellipse = (cx: number, cy: number, rx: number, ry: number): string =>
  `M${cx - rx} ${cy}a${rx} ${ry} 0 1 0 ${2 * rx} 0a${rx} ${ry} 0 1 0 ${-2 * rx} 0`
/** A circle, as a path. */
const circle = (cx: number, cy: number, r: number): string => ellipse(cx, cy, r, r)
/** A rectangle with corners rounded by `r`, as a path. */
const rect = (x: number, y: number, w: number, h: number, r: number): string =>
  `M${x + r} ${y}h${w - 2 * r}a${r} ${r} 0 0 1 ${r} ${r}v${h - 2 * r}a${r} ${r} 0 0 1 ${-r} ${r}h${2 * r - w}a${r} ${r} 0 0 1 ${-r} ${-r}v${2 * r - h}a${r} ${r} 0 0 1 ${r} ${-r}z`

function icon(name: string, strokes: readonly Stroke[]): (props: IconProps) => ReactNode {
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
        {strokes.map((s, i) => (typeof s === 'string' ? <path key={i} d={s} /> : <path key={i} d={s.d} fill="currentColor" />))}
      </svg>
    )
  }
  Icon.displayName = `Icon${name}`
  return Icon
}

const TRAY = 'M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2'
const PADLOCK = rect(5, 11, 14, 10, 2)

/** A database cylinder. */
export const IconDatabase = icon('Database', [ellipse(12, 6, 8, 3), 'M4 6v6c0 1.7 3.6 3 8 3s8-1.3 8-3V6', 'M4 12v6c0 1.7 3.6 3 8 3s8-1.3 8-3v-6'])
/** An open folder. */
export const IconFolderOpen = icon('FolderOpen', ['M5 19l2.8-7.2A2 2 0 0 1 9.7 10.5H21l-3 8.5H5z', 'M5 19a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h4l3 3h6a2 2 0 0 1 2 2v1.5'])
/** A file with a plus. */
export const IconFilePlus = icon('FilePlus', ['M14 3v4a1 1 0 0 0 1 1h4', 'M17 21H7a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h7l5 5v11a2 2 0 0 1-2 2z', 'M12 11v6M9 14h6'])
/** A closed padlock. */
export const IconLock = icon('Lock', [PADLOCK, 'M8 11V7a4 4 0 0 1 8 0v4'])
/** An open padlock. */
export const IconLockOpen = icon('LockOpen', [PADLOCK, 'M8 11V7a4 4 0 0 1 7.5-2'])
/** A magnifier. */
export const IconSearch = icon('Search', [circle(10.5, 10.5, 6.5), 'M20 20l-4.8-4.8'])
/** The sun (light scheme). */
export const IconSun = icon('Sun', [circle(12, 12, 4), 'M12 2.5v2M12 19.5v2M4.6 4.6L6 6M18 18l1.4 1.4M2.5 12h2M19.5 12h2M4.6 19.4L6 18M18 6l1.4-1.4'])
/** The moon (dark scheme). */
export const IconMoon = icon('Moon', ['M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z'])
/** Half-filled circle (follow the system). */
export const IconContrast = icon('Contrast', [circle(12, 12, 9), { d: 'M12 3v18a9 9 0 0 0 0-18z', filled: true }])
/** A cross. */
export const IconX = icon('X', ['M6 6l12 12M18 6L6 18'])
/** Dashboard tiles (Overview). */
export const IconLayout = icon('Layout', [rect(3, 3, 7, 9, 1.5), rect(14, 3, 7, 5, 1.5), rect(14, 12, 7, 9, 1.5), rect(3, 16, 7, 5, 1.5)])
/** Sparkles (the demo store). */
export const IconSparkles = icon('Sparkles', ['M12 3l1.8 4.7L18.5 9.5l-4.7 1.8L12 16l-1.8-4.7L5.5 9.5l4.7-1.8z', 'M18.5 15.5l.8 2 2 .8-2 .8-.8 2-.8-2-2-.8 2-.8z'])
/** A clock with an arrow (recent files). */
export const IconHistory = icon('History', ['M12 8v4l3 2', 'M3.05 11a9 9 0 1 1 .5 4', 'M3 4v4h4'])
/** A circular arrow around a play mark (replay). */
export const IconReplay = icon('Replay', ['M4 12a8 8 0 1 0 2.34-5.66L4 8.5', 'M4 4v4.5h4.5', 'M10.5 9.5v5l4-2.5z'])
/** An arrow out of a tray (export). */
export const IconDownload = icon('Download', ['M12 4v11M7 10l5 5 5-5', TRAY])
/** An arrow into a tray (drop a file). */
export const IconDrop = icon('Drop', ['M12 3v12M7 10l5 5 5-5', TRAY])
/** A keyboard key (command palette). */
export const IconCommand = icon('Command', ['M9 6a3 3 0 1 0-3 3h12a3 3 0 1 0-3-3v12a3 3 0 1 0 3-3H6a3 3 0 1 0 3 3z'])
/** Arrow right. */
export const IconArrowRight = icon('ArrowRight', ['M5 12h14M13 6l6 6-6 6'])
/** Arrow left. */
export const IconArrowLeft = icon('ArrowLeft', ['M19 12H5M11 6l-6 6 6 6'])
/** Rows of a list (the event table). */
export const IconList = icon('List', ['M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01'])
/** Three stacked boxes (aggregates). */
export const IconBoxes = icon('Boxes', ['M12 3l8 4-8 4-8-4 8-4z', 'M4 12l8 4 8-4', 'M4 17l8 4 8-4'])
const FRAME = rect(3, 4, 18, 16, 2)
/** A panel on the right side of a frame. */
export const IconPanelRight = icon('PanelRight', [FRAME, 'M15 4v16'])
/** A panel at the bottom of a frame. */
export const IconPanelBottom = icon('PanelBottom', [FRAME, 'M3 14h18'])
/** Columns of a table. */
export const IconColumns = icon('Columns', [FRAME, 'M9 4v16M15 4v16'])
/** Chevrons pointing left (collapse). */
export const IconChevronsLeft = icon('ChevronsLeft', ['M11 17l-5-5 5-5M18 17l-5-5 5-5'])
/** Chevrons pointing right (expand). */
export const IconChevronsRight = icon('ChevronsRight', ['M13 17l5-5-5-5M6 17l5-5-5-5'])
/** A branch that splits off (fork). */
export const IconFork = icon('Fork', [circle(6, 5, 2), circle(18, 5, 2), circle(12, 19, 2), 'M6 7v2a3 3 0 0 0 3 3h6a3 3 0 0 0 3-3V7M12 12v5'])
/** Two lines joining (merge). */
export const IconMerge = icon('Merge', [circle(6, 5, 2), circle(6, 19, 2), circle(18, 12, 2), 'M6 7v10M6 7a7 7 0 0 0 10 5'])
/** A tray with an arrow in (import). */
export const IconUpload = icon('Upload', ['M12 15V3M7 8l5-5 5 5', 'M4 15v4a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-4'])
/** A plug (connect to a server). */
export const IconPlug = icon('Plug', ['M9 2v6M15 2v6M6 8h12v3a6 6 0 0 1-12 0V8zM12 17v5'])
/** A circular arrow (reconnect, reload). */
export const IconRefresh = icon('Refresh', ['M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7'])
