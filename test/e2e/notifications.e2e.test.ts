/**
 * Toasts never cover what the user acts on or reads: with several
 * notifications raised while Compose shows a staged batch, the Preflight and
 * Commit buttons and every staged event (its line and its Drop button) are
 * hit at their middle and corners (elementFromPoint) wherever they are on
 * screen, at 1024×768 and 1440×900: as the page stands (scrolled to the top,
 * the user scrolling nothing), at the end, and at each of them as a user
 * scrolls to a control. The toasts take their own room at the bottom of the
 * window, and the page ends above it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { AppHarness } from '../helpers/app-harness'
import { openCompose, type ComposeApp } from '../helpers/compose-app'
import { stageRaw, unlock } from '../helpers/compose-steps'

let compose: ComposeApp
let app: AppHarness
let page: Page

const T = '#inst "2026-11-28T14:00:00.000-00:00"'
const fix = (actor: string, genre: string): string =>
  `{:timestamp ${T}, :source :studio, :action {:reason :fix, :actor [:user "${actor}"], :aggregate [:book "Neuromancer"], :patch {:assoc {:genre "${genre}"}}}}`

/** The actionable parts of the Compose panel that must stay uncovered. */
const TARGETS = ['[data-testid="preflight-button"]', '[data-testid="commit-button"]', '[data-testid="staging-summary"]', '[data-testid="staging"] button[aria-label^="Drop staged event"]']

/** Targets (selector #index) whose middle or corners show in the window (inside the viewport and their scroll areas) but are not what a click there hits. */
function covered(): Promise<string[]> {
  return page.evaluate((selectors) => {
    const bad: string[] = []
    for (const selector of selectors) {
      document.querySelectorAll(selector).forEach((el, i) => {
        const r = el.getBoundingClientRect()
        // What of the window the element can show in: the viewport, cut by every ancestor that scrolls or clips.
        const clip = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }
        for (let up = el.parentElement; up !== null; up = up.parentElement) {
          if (getComputedStyle(up).overflow === 'visible') continue
          const b = up.getBoundingClientRect()
          Object.assign(clip, { left: Math.max(clip.left, b.left), top: Math.max(clip.top, b.top), right: Math.min(clip.right, b.right), bottom: Math.min(clip.bottom, b.bottom) })
        }
        const points = [
          [r.left + r.width / 2, r.top + r.height / 2],
          [r.left + 3, r.top + 3],
          [r.right - 3, r.top + 3],
          [r.left + 3, r.bottom - 3],
          [r.right - 3, r.bottom - 3]
        ].filter(([x, y]) => x >= clip.left && x < clip.right && y >= clip.top && y < clip.bottom)
        for (const [x, y] of points) {
          const hit = document.elementFromPoint(x, y)
          if (hit === null || !el.contains(hit)) bad.push(`${selector} #${i} at (${Math.round(x)}, ${Math.round(y)}) under ${hit?.className ?? 'nothing'}`)
        }
      })
    }
    const main = document.querySelector('.mantine-AppShell-main')
    if (bad.length > 0) bad.push(`(reserve=${document.documentElement.style.getPropertyValue('--cs-notifications-reserve')} window y=${scrollY} main y=${main?.scrollTop} innerHeight=${innerHeight})`)
    return bad
  }, TARGETS)
}

/** Toasts on screen now. */
function toastsShown(): Promise<number> {
  return page.locator('.mantine-Notification-root').count()
}

/** Raise `count` info toasts ("Not a fork", from File ▸ Merge Fork into Origin… on a store that is no fork). */
async function raise(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await app.menu({ command: 'merge-fork' })
  await expect.poll(toastsShown).toBe(2)
}

/** Scroll the page as the user would (the window or the section's own scroll area): to the top, to the end, or each target into view (nearest edge). */
async function scroll(to: 'top' | 'end' | number): Promise<void> {
  await page.evaluate(
    ([where, selectors]) => {
      if (where === 'top' || where === 'end') {
        for (const box of [document.documentElement, document.querySelector('.mantine-AppShell-main')]) box?.scrollTo(0, where === 'top' ? 0 : box.scrollHeight)
      } else document.querySelectorAll((selectors as string[]).join(','))[where as number]?.scrollIntoView({ block: 'nearest' })
    },
    [to, TARGETS] as const
  )
}

beforeAll(async () => {
  compose = await openCompose({ prefix: 'e2e-notifications', walkthrough: true, viewport: { width: 1440, height: 900 } })
  ;({ app, page } = compose)
}, 120_000)

afterAll(async () => {
  await compose?.close()
})

it('stages three events on an unlocked store', async () => {
  await unlock(app)
  for (const genre of ['Cyberpunk classic', 'Sprawl trilogy', 'Novel']) await stageRaw(page, fix('carol', genre))
  await expect.poll(() => page.getByTestId('staging-summary').count()).toBe(3)
})

describe.each([
  { width: 1440, height: 900 },
  { width: 1024, height: 768 }
])('toasts over Compose at $width×$height', ({ width, height }) => {
  it('show two at most and leave the Preflight and Commit buttons and every staged event clear, as the page stands and each scrolled to as a user does', async () => {
    await page.setViewportSize({ width, height })
    const targets = await page.locator(TARGETS.join(',')).count()
    expect(targets).toBe(2 + 3 + 3)
    // 'top' first: what the user sees without scrolling must be clear too, not only what they scroll to.
    const positions: ('top' | 'end' | number)[] = ['top', 'end', ...Array.from({ length: targets }, (_, i) => i)]
    for (const where of positions) {
      await raise(4)
      // Scrolled as a user does, again if something moved meanwhile (a toast finishing its slide).
      await expect
        .poll(async () => {
          await scroll(where)
          return covered()
        }, { timeout: 15_000 })
        .toEqual([])
      expect(await toastsShown()).toBe(2)
      if (where === 'top') {
        for (const scheme of ['light', 'dark'] as const) {
          await app.setColorScheme(scheme)
          await app.screenshot(`notifications-compose-${width}-top-${scheme}`)
        }
        await app.setColorScheme('light')
      }
      if (where === 'end') await app.screenshot(`notifications-compose-${width}-end`)
    }
    // At the end of the page the buttons are on screen, so the checks looked at them.
    await scroll('end')
    for (const id of ['preflight-button', 'commit-button']) expect(await page.getByTestId(id).isVisible()).toBe(true)
  })
})
