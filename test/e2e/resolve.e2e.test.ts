/**
 * Conflict resolution side by side and undo by compensation, entirely through
 * the window on a real store file: the README walkthrough's Bob conflict
 * (ours 4 / theirs 1, resolved [1], result 3 and 4) read back by the CLI;
 * per-key choices (theirs, an edited value, ours) giving the expected patch;
 * a revert committed, after which the aggregate's state is the earlier one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openStoreFile } from '../helpers/store-files'
import { printEdn } from '../../src/main/core/edn'
import { stateAsOf } from '../../src/main/core/domain'
import type { ActionEvent, Identity } from '../../src/shared/domain'
import { edn } from '../../src/shared/edn-value'
import type { AppHarness } from '../helpers/app-harness'
import { openCompose, type ComposeApp } from '../helpers/compose-app'
import * as steps from '../helpers/compose-steps'
import { appendEvents } from '../helpers/stores'
import { cli } from '../cli/run-cli'
import { seen } from '../helpers/visibility'

let compose: ComposeApp
let app: AppHarness
let file: string
let page: Page

const T = '#inst "2026-11-28T14:00:00.000-00:00"'
const bookEvent = (actor: string, reason: string, title: string, patch: string): string =>
  `{:timestamp ${T}, :source :bookstore, :action {:reason ${reason}, :actor [:user "${actor}"], :aggregate [:book "${title}"], :patch ${patch}}}`

beforeAll(async () => {
  compose = await openCompose({ prefix: 'e2e-resolve', walkthrough: false, viewport: { width: 1440, height: 1100 } })
  ;({ app, page, file } = compose)
}, 120_000)

afterAll(async () => {
  await compose?.close()
})

/** Replace the text of the EDN editor labelled `label` (see fillEditor). */
const fill = (label: string, text: string, escape = true): Promise<void> => steps.fillEditor(page, label, text, escape)

const staged = () => page.locator('[data-testid="staged-list"] [data-testid^="staged-"]')

/** Stage one event typed as raw EDN. */
async function stageRaw(eventEdn: string): Promise<void> {
  const before = await staged().count()
  await steps.stageRaw(page, eventEdn)
  await expect.poll(() => staged().count()).toBe(before + 1)
}

/** What `key` keeps, as its checked radio says. */
const taken = (key: string) => row(key).locator('input:checked').getAttribute('value')

const row = (key: string) => page.locator(`[data-testid="resolve-row"][data-key="${key}"]`)

/** Pick what `key` keeps (its segmented control's radio is visually hidden). */
async function keep(key: string, take: 'Ours' | 'Theirs' | 'Edit'): Promise<void> {
  await row(key).locator('.mantine-SegmentedControl-label', { hasText: new RegExp(`^${take}$`) }).click()
}

/** The adjusted patch once the resolution has answered for the current choices. */
async function patchText(): Promise<string> {
  await expect.poll(() => page.getByTestId('resolve-patch').getAttribute('data-pending')).toBeNull()
  return (await page.getByTestId('resolve-patch-edn').textContent()) ?? ''
}

const unlock = (): Promise<void> => steps.unlock(app)

async function commit(): Promise<void> {
  await page.getByTestId('commit-button').click()
  await page.getByTestId('commit-modal').waitFor()
  await page.getByTestId('confirm-commit').click()
  await page.getByTestId('commit-modal').waitFor({ state: 'detached' })
}

/**
 * At 1024×768 the resolver is taller than the window: its content scrolls
 * inside the dialog and Resolve and retry stays on screen, uncovered, at the
 * top of that scroll and at its end (screenshots light and dark).
 */
async function buttonsStayAt1024(): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 768 })
  const content = page.locator('.mantine-Modal-content').first()
  for (const end of [false, true]) {
    await content.evaluate((box, toEnd) => box.scrollTo(0, toEnd ? box.scrollHeight : 0), end)
    await expect.poll(() => seen(page.getByTestId('resolve-retry'))).toBe(true)
    expect(await seen(page.getByTestId('resolve-resolved-list'))).toBe(true)
    if (!end) expect(await seen(page.getByTestId('resolve-row').first())).toBe(true)
  }
  await content.evaluate((box) => box.scrollTo(0, 0))
  for (const scheme of ['light', 'dark'] as const) {
    await app.setColorScheme(scheme)
    await app.screenshot(`resolve-1024-${scheme}`)
  }
  await app.setColorScheme('light')
  await page.setViewportSize({ width: 1440, height: 1100 })
}

function cliRead(): string {
  const run = cli(['read', file])
  expect(run.code, run.stderr).toBe(0)
  return run.stdout
}

describe('conflict resolution, side by side', () => {
  it('resolves Bob\'s conflict from the README walkthrough: ours 4 / theirs 1, resolved [1], result 3 and 4', async () => {
    // Bob has seen nothing (base 1) and stages his two books.
    await stageRaw(bookEvent('bob', ':create', 'Mona Lisa Overdrive', '{:assoc {:author "William Gibson", :genre "Cyberpunk"}}'))
    await stageRaw(bookEvent('bob', ':create', 'Neuromancer', '{:assoc {:author "William Gibson", :genre "Cyberpunk"}}'))
    expect(await page.getByTestId('staging-base').textContent()).toContain('Base 1')
    // Meanwhile Alice appends her two books from another process.
    await appendEvents(file, [
      bookEvent('alice', ':create', 'Neuromancer', '{:assoc {:author "William Gibson", :genre "SciFi"}}'),
      bookEvent('alice', ':create', 'Count Zero', '{:assoc {:author "William Gibson", :genre "Cyberpunk"}}')
    ])
    await expect.poll(() => page.getByTestId('header-seq-no').textContent()).toBe('2')

    await page.getByTestId('preflight-button').click()
    await page.getByTestId('resolve-open').click()
    const resolver = page.getByTestId('conflict-resolver')
    await resolver.waitFor()
    expect(await resolver.getAttribute('data-theirs')).toBe('1')
    // ours would be seq-no 4; Mona Lisa Overdrive (3) passes.
    expect(await page.getByTestId('conflict-summary').textContent()).toContain('would be seq-no 4')
    expect(await page.getByTestId('conflict-summary').textContent()).toContain('Staged events before it pass: 3.')
    expect(await page.getByTestId('resolve-theirs').textContent()).toMatch(/Stored event 1: :create by \[:user "alice"\] from :bookstore/)

    expect(await row(':author').getAttribute('data-mark')).toBe('both')
    expect(await row(':author').getByTestId('resolve-mark').textContent()).toBe('both · same')
    expect(await row(':genre').getByTestId('resolve-mark').textContent()).toBe('both · differ')
    expect(await row(':genre').textContent()).toContain('"SciFi"')
    expect(await row(':genre').textContent()).toContain('"Cyberpunk"')
    // Bob keeps his genre (the default) and calls it an update, as in the README.
    await page.getByTestId('resolve-reason').fill(':update')
    expect(await patchText()).toBe('{:assoc {:genre "Cyberpunk"}}')
    expect(await page.getByTestId('resolve-state-edn').textContent()).toBe('{:author "William Gibson", :genre "Cyberpunk"}')
    await app.screenshot('resolve-bob-conflict-light')

    await page.getByTestId('resolve-retry').click()
    await page.getByTestId('outcome-ok').waitFor()
    expect(await page.getByTestId('outcome-ok').textContent()).toContain('would get seq-nos 3–4')
    expect(await page.getByTestId('resolved-list').textContent()).toContain('1')
    expect(await staged().nth(1).textContent()).toContain(':update')
    await app.screenshot('resolve-bob-retried-light')

    await unlock()
    await commit()
    await expect.poll(() => page.getByTestId('header-seq-no').textContent()).toBe('4')
    const read = cliRead()
    expect(read).toContain('{:seq-no 3, :timestamp')
    expect(read).toContain(':action {:reason :create, :actor [:user "bob"], :aggregate [:book "Mona Lisa Overdrive"], :patch {:assoc {:author "William Gibson", :genre "Cyberpunk"}}}')
    expect(read).toContain('{:seq-no 4, :timestamp')
    expect(read).toContain(':action {:reason :update, :actor [:user "bob"], :aggregate [:book "Neuromancer"], :patch {:assoc {:genre "Cyberpunk"}}}')
  })

  it('builds the patch from per-key choices: theirs, an edited value (checked live), and ours', async () => {
    await stageRaw(bookEvent('bob', ':update', 'Neuromancer', '{:assoc {:genre "Hard SF", :year 1984}, :dissoc [:author]}'))
    await appendEvents(file, [bookEvent('carol', ':update', 'Neuromancer', '{:assoc {:genre "SciFi", :pages 271}}')])
    await expect.poll(() => page.getByTestId('header-seq-no').textContent()).toBe('5')
    await page.getByTestId('preflight-button').click()
    await page.getByTestId('resolve-open').click()
    await page.getByTestId('conflict-resolver').waitFor()
    expect(await page.getByTestId('conflict-resolver').getAttribute('data-theirs')).toBe('5')
    const marks = await page.getByTestId('resolve-row').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-key')} ${r.getAttribute('data-mark')}`))
    expect(marks).toEqual([':author ours-only', ':genre both', ':pages theirs-only', ':year ours-only'])
    expect(await patchText()).toBe('{:assoc {:genre "Hard SF", :year 1984}, :dissoc [:author]}')

    await keep(':author', 'Theirs')
    expect(await patchText()).toBe('{:assoc {:genre "Hard SF", :year 1984}}')
    await keep(':genre', 'Edit')
    await fill('New value for :genre', '"Cyberpunk', false)
    await expect.poll(() => page.getByTestId('resolve-edit-error').textContent()).toMatch(/^The value for :genre is not one EDN value/)
    expect(await page.getByTestId('resolve-retry').isDisabled()).toBe(true)
    await app.screenshot('resolve-edit-invalid-light')
    await fill('New value for :genre', '#{"Cyberpunk" "SciFi"}', false)
    expect(await patchText()).toBe('{:assoc {:genre #{"Cyberpunk" "SciFi"}, :year 1984}}')
    await keep(':pages', 'Ours')
    expect(await patchText()).toBe('{:assoc {:genre #{"Cyberpunk" "SciFi"}, :year 1984}, :dissoc [:pages]}')
    await keep(':pages', 'Theirs')
    expect(await patchText()).toBe('{:assoc {:genre #{"Cyberpunk" "SciFi"}, :year 1984}}')
    expect(await page.getByTestId('resolve-state-edn').textContent()).toBe('{:author "William Gibson", :genre #{"Cyberpunk" "SciFi"}, :pages 271, :year 1984}')

    // Escape in the New value editor leaves the editor only: the dialog stays, with every choice and the edited text.
    const genreEditor = page.locator('.cm-content[aria-label="New value for :genre"]')
    await genreEditor.click()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.cm-editor') === null)).toBe(true)
    expect(await page.getByTestId('conflict-resolver').isVisible()).toBe(true)
    expect([await taken(':author'), await taken(':genre'), await taken(':pages')]).toEqual(['theirs', 'edit', 'theirs'])
    expect(await genreEditor.textContent()).toBe('#{"Cyberpunk" "SciFi"}')
    // Undo restores the previous choice (the button, and Ctrl+Z outside the editors); redo takes it back.
    await page.getByTestId('resolve-undo').click()
    await expect.poll(() => taken(':pages')).toBe('ours')
    expect(await patchText()).toBe('{:assoc {:genre #{"Cyberpunk" "SciFi"}, :year 1984}, :dissoc [:pages]}')
    await page.keyboard.press('Control+Shift+Z')
    await expect.poll(() => taken(':pages')).toBe('theirs')
    await page.keyboard.press('Control+Z')
    await expect.poll(() => taken(':pages')).toBe('ours')
    await page.getByTestId('resolve-redo').click()
    await expect.poll(() => taken(':pages')).toBe('theirs')
    // Maximized, the dialog fills the window; and back.
    await page.getByTestId('resolve-maximize').click()
    await expect.poll(async () => (await page.locator('.mantine-Modal-content').first().boundingBox())?.width).toBe(1440)
    await app.screenshot('resolve-maximized-light')
    await page.getByTestId('resolve-maximize').click()
    await expect.poll(async () => (await page.locator('.mantine-Modal-content').first().boundingBox())?.width ?? 0).toBeLessThan(1440)
    // Closing asks first; kept, the choices are back when the dialog opens again for the same conflict.
    await page.locator('.mantine-Modal-close').first().click()
    await page.getByTestId('resolve-close-keep').waitFor()
    await app.screenshot('resolve-close-confirm-light')
    await page.getByTestId('resolve-close-keep').click()
    await page.getByTestId('conflict-resolver').waitFor({ state: 'detached' })
    expect(await page.getByTestId('resolve-open').textContent()).toContain('choices kept')
    await page.getByTestId('resolve-open').click()
    await page.getByTestId('conflict-resolver').waitFor()
    expect([await taken(':author'), await taken(':genre'), await taken(':pages')]).toEqual(['theirs', 'edit', 'theirs'])
    expect(await patchText()).toBe('{:assoc {:genre #{"Cyberpunk" "SciFi"}, :year 1984}}')
    await app.screenshot('resolve-choices-light')
    await app.setColorScheme('dark')
    await app.screenshot('resolve-choices-dark')
    await app.setColorScheme('light')
    await buttonsStayAt1024()

    await page.getByTestId('resolve-retry').click()
    await page.getByTestId('outcome-ok').waitFor()
    await commit()
    await expect.poll(() => page.getByTestId('header-seq-no').textContent()).toBe('6')
    expect(cliRead()).toContain(':aggregate [:book "Neuromancer"], :patch {:assoc {:genre #{"Cyberpunk" "SciFi"}, :year 1984}}}')
  })
})

describe('undo by compensation', () => {
  const neuromancer: Identity = { kind: edn.kw('book'), id: edn.str('Neuromancer') }

  async function stateOfNeuromancer(asOf: number): Promise<string> {
    const store = await openStoreFile(file, { readOnly: true })
    const actions: ActionEvent[] = []
    for await (const e of store.read(0)) actions.push(e)
    await store.close()
    return printEdn(stateAsOf(actions, neuromancer, asOf))
  }

  it('reverts an action from the event detail: staged, preflighted, committed; the aggregate is back to its earlier state', async () => {
    await page.locator('.mantine-NavLink-label', { hasText: /^Events$/ }).click()
    await page.getByTestId('event-table').waitFor()
    await page.locator('[data-testid="event-table"] [data-seq-no="6"]').click()
    await page.getByTestId('event-detail').getByTestId('revert-button').click()
    await page.getByTestId('revert-summary').waitFor()
    expect(await page.getByTestId('revert-summary').textContent()).toBe('Sets :genre back to "SciFi" and removes :year on [:book "Neuromancer"], undoing event 6 (:update by [:user "bob"]).')
    expect(await page.getByTestId('revert-edn').textContent()).toMatch(/:action \{:reason :revert, :actor \[:user "bob"\], :aggregate \[:book "Neuromancer"\], :patch \{:assoc \{:genre "SciFi"\}, :dissoc \[:year\]\}\}\}$/)
    await app.screenshot('resolve-revert-light')

    await page.getByTestId('revert-stage-open').click()
    await page.getByTestId('compose').waitFor()
    expect(await staged().count()).toBe(1)
    await page.getByTestId('preflight-button').click()
    await page.getByTestId('outcome-ok').waitFor()
    expect(await page.getByTestId('outcome-ok').textContent()).toContain('would get seq-no 7')
    await commit()
    await expect.poll(() => page.getByTestId('header-seq-no').textContent()).toBe('7')

    expect(cliRead()).toContain(':action {:reason :revert, :actor [:user "bob"], :aggregate [:book "Neuromancer"], :patch {:assoc {:genre "SciFi"}, :dissoc [:year]}}')
    expect(await stateOfNeuromancer(7)).toBe(await stateOfNeuromancer(5))
    expect(await stateOfNeuromancer(7)).toBe('{:author "William Gibson", :genre "SciFi", :pages 271}')
  })

  it('says there is nothing to revert when the keys already have their earlier values', async () => {
    await page.locator('.mantine-NavLink-label', { hasText: /^Events$/ }).click()
    await page.locator('[data-testid="event-table"] [data-seq-no="6"]').click()
    await page.getByTestId('event-detail').getByTestId('revert-button').click()
    await page.getByTestId('revert-nothing').waitFor()
    expect(await page.getByTestId('revert-nothing').textContent()).toContain('Every key event 6 touched on [:book "Neuromancer"] already has the value it had before')
    expect(await page.getByTestId('revert-stage').count()).toBe(0)
    await page.keyboard.press('Escape')
  })
})

describe('several conflicts in a row', () => {
  it('works through an action and then an effect that reaches the aggregate through a trigger, one at a time', async () => {
    await page.locator('.mantine-NavLink-root', { hasText: 'Compose' }).click()
    await page.getByTestId('compose').waitFor()
    await stageRaw(`{:timestamp ${T}, :source :bookstore, :action {:reason :correct, :actor [:user "alice"], :aggregate [:receipt 1], :patch {:assoc {:total 120}}}}`)
    await appendEvents(file, [
      `{:timestamp ${T}, :source :bookstore, :action {:reason :payment, :actor [:user "alice"], :aggregate [:receipt 1], :patch {:assoc {:no "avd2dlg3g93fm1osu", :total 100}}}, :triggers [[:encryption-key 1]]}`,
      `{:timestamp ${T}, :source :keystore, :effect {:reason :key-expired, :trigger [:encryption-key 1]}}`
    ])
    await expect.poll(() => page.getByTestId('header-seq-no').textContent()).toBe('9')
    await page.getByTestId('preflight-button').click()
    await page.getByTestId('resolve-open').click()
    const resolver = page.getByTestId('conflict-resolver')
    await expect.poll(() => resolver.getAttribute('data-theirs')).toBe('8')
    expect(await page.getByTestId('resolve-later').textContent()).toBe('After this one, stored event 9 also conflicts with it; they come one at a time.')
    expect(await row(':total').getByTestId('resolve-mark').textContent()).toBe('both · differ')
    expect(await patchText()).toBe('{:assoc {:total 120}}')
    await page.getByTestId('resolve-retry').click()

    // The dialog stays open on the next conflict: the effect, with its trigger path.
    await expect.poll(() => page.getByTestId('conflict-resolver').getAttribute('data-theirs')).toBe('9')
    expect(await page.getByTestId('resolve-next-note').textContent()).toBe('Stored event 8 is resolved. The preflight stopped at the next conflict: stored event 9.')
    expect(await page.getByTestId('resolve-trigger-path').textContent()).toContain('effect 9names[:encryption-key 1]→ carried byaction 8on[:receipt 1]')
    expect(await page.getByTestId('resolve-theirs').textContent()).toContain('events up to 8 are resolved already')
    expect(await row(':total').getAttribute('data-mark')).toBe('ours-only')
    expect(await page.getByTestId('resolve-resolved-list').textContent()).toContain('event 8')
    expect(await patchText()).toBe('{:assoc {:total 120}}')
    await app.screenshot('resolve-effect-conflict-light')
    await page.getByTestId('resolve-retry').click()

    await page.getByTestId('outcome-ok').waitFor()
    expect(await page.getByTestId('conflict-resolver').count()).toBe(0)
    expect(await page.getByTestId('resolved-list').textContent()).toMatch(/8.*9/)
    await commit()
    await expect.poll(() => page.getByTestId('header-seq-no').textContent()).toBe('10')
    expect(cliRead()).toContain('{:seq-no 10, :timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :bookstore, :action {:reason :correct, :actor [:user "alice"], :aggregate [:receipt 1], :patch {:assoc {:total 120}}}}')
  })
})
