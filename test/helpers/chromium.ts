/**
 * Debian's Chromium through playwright-core (Playwright's own browser
 * download does not work here). A fresh profile in a temporary folder per launch.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

/** Where Debian installs Chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

/** The flags every launch uses. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage'
]

/** A browser with its own profile; `close` removes the profile. */
export interface LaunchedBrowser {
  readonly context: BrowserContext
  close(): Promise<void>
}

/** Launch Chromium headless with a fresh `--user-data-dir` (in the machine's time zone unless `timezoneId` names one, e.g. `America/New_York`). */
export async function launchChromium(viewport = { width: 1280, height: 800 }, timezoneId?: string): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing. Install it with: apt-get update && apt-get install -y chromium xvfb (.ci/run does this).`)
  }
  const profile = mkdtempSync(join(tmpdir(), 'coherence-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    ...(timezoneId ? { timezoneId } : {})
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    }
  }
}
