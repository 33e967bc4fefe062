/** Screenshots of the window in both colour schemes, as the UI rules ask for every screen looked at. */

/** What of the app harness taking screenshots needs. */
interface Shooter {
  screenshot(name: string): Promise<string>
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>
}

/** Save `<name>-light.png` and `<name>-dark.png` (test-results/screenshots), leaving the app light. */
export async function lightAndDark(app: Shooter, name: string): Promise<void> {
  await app.screenshot(`${name}-light`)
  await app.setColorScheme('dark')
  await app.screenshot(`${name}-dark`)
  await app.setColorScheme('light')
}
