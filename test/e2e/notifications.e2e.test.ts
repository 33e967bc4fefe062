/**
 * Toasts never cover what the user acts on: with several notifications
 * raised (sticky errors and infos) while Compose shows a staged batch, the
 * Preflight and Commit buttons and every staged event (its line and its
 * Drop button) are hit at their middle and corners (elementFromPoint), at
 * 1024×768 and 1440×900: scrolled to the top (where all of Compose fits),
 * to the end, and to each of them as a user scrolls to a control.
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

/** Targets (selector #index) that lie in the viewport but are not what a click at their middle or corners hits. */
function covered(): Promise<string[]> {
  return page.evaluate((selectors) => {
    const bad: string[] = []
    for (const selector of selectors) {
      document.querySelectorAll(selector).forEach((el, i) => {
        const r = el.getBoundingClientRect()
        const points = [
          [r.left + r.width / 2, r.top + r.height / 2],
          [r.left + 3, r.top + 3],
          [r.right - 3, r.top + 3],
          [r.left + 3, r.bottom - 3],
          [r.right - 3, r.bottom - 3]
        ].filter(([, y]) => y >= 0 && y < window.innerHeight)
        for (const [x, y] of points) {
          const hit = document.elementFromPoint(x, y)
          if (hit === null || !el.contains(hit)) bad.push(`${selector} #${i} at (${Math.round(x)}, ${Math.round(y)}) under ${hit?.className ?? 'nothing'}`)
        }
      })
    }
    if (bad.length > 0) bad.push(`(page: reserve=${document.documentElement.style.getPropertyValue('--cs-notifications-reserve')} y=${scrollY} h=${document.documentElement.scrollHeight} innerHeight=${innerHeight})`)
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

/** Scroll the page as the user would: to the top, to the end, or each target into view (nearest edge). */
async function scroll(to: 'top' | 'end' | number): Promise<void> {
  await page.evaluate(
    ([where, selectors]) => {
      if (where === 'top' || where === 'end') window.scrollTo(0, where === 'top' ? 0 : document.documentElement.scrollHeight)
      else document.querySelectorAll((selectors as string[]).join(','))[where as number]?.scrollIntoView({ block: 'nearest' })
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
  { width: 1440, height: 900, top: true },
  { width: 1024, height: 768, top: false }
])('toasts over Compose at $width×$height', ({ width, height, top }) => {
  it('show two at most and leave the Preflight and Commit buttons and every staged event clear, each scrolled to as a user does', async () => {
    await page.setViewportSize({ width, height })
    const targets = await page.locator(TARGETS.join(',')).count()
    expect(targets).toBe(2 + 3 + 3)
    // At 1024×768 the staged batch is below the composer, so its controls are reached by scrolling (the page keeps the toasts' room below them).
    const positions: ('top' | 'end' | number)[] = [...(top ? (['top'] as const) : []), 'end', ...Array.from({ length: targets }, (_, i) => i)]
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
      if (typeof where === 'string') await app.screenshot(`notifications-compose-${width}-${where}`)
    }
    // At the end of the page the buttons are on screen, so the checks looked at them.
    await scroll('end')
    for (const id of ['preflight-button', 'commit-button']) expect(await page.getByTestId(id).isVisible()).toBe(true)
  })
})
