/** The Mantine theme and where the chosen color scheme (light/dark/auto) is kept. */
import { createTheme, localStorageColorSchemeManager } from '@mantine/core'

/** App theme: calm indigo, system fonts (nothing is loaded from the network). */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  headings: { fontWeight: '650' },
  // Honour the system's "reduce motion" setting (modals, menus and the palette then appear at once).
  respectReducedMotion: true
})

/** The color scheme survives restarts (local storage lives in the user-data folder). */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'coherence-studio-color-scheme' })
