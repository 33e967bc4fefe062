/**
 * Keyboard shortcuts in one notation (Mantine's `mod+K`), shown the way the
 * platform writes them (⌘K on macOS, Ctrl+K elsewhere).
 */

/** Shortcuts of the app-wide commands. */
export const SHORTCUTS = {
  palette: 'mod+K',
  open: 'mod+O',
  newStore: 'mod+N',
  close: 'mod+W',
  nextStore: 'ctrl+Tab',
  previousStore: 'ctrl+shift+Tab'
} as const

/** True on macOS (from main's start-up info, else the browser's guess). */
export function isMac(platform: string | undefined): boolean {
  return (platform ?? navigator.platform).toLowerCase().startsWith('mac') || platform === 'darwin'
}

/** `mod+shift+K` → `⌘⇧K` on macOS, `Ctrl+Shift+K` elsewhere. */
export function displayShortcut(shortcut: string, platform: string | undefined): string {
  const mac = isMac(platform)
  const parts = shortcut.split('+').map((part) => {
    const key = part.toLowerCase()
    if (key === 'mod') return mac ? '⌘' : 'Ctrl'
    if (key === 'ctrl') return mac ? '⌃' : 'Ctrl'
    if (key === 'shift') return mac ? '⇧' : 'Shift'
    if (key === 'alt') return mac ? '⌥' : 'Alt'
    return part.length === 1 ? part.toUpperCase() : part
  })
  return parts.join(mac ? '' : '+')
}
