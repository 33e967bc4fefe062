/**
 * Composing on a copy of the README walkthrough store (seq-nos 1–7): invalid
 * input in every field shows its sentence and enables no write; an action
 * composed through the form is preflighted, committed after confirmation and
 * read back by the CLI; a second process appending meanwhile leads to a
 * conflict, never a lost update; a failed write keeps the staged batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import type { AppHarness } from '../helpers/app-harness'
import { openCompose, type ComposeApp } from '../helpers/compose-app'
import * as steps from '../helpers/compose-steps'
import { cli } from '../cli/run-cli'
import { formatTimeIn } from '../../src/renderer/ui/format'

let compose: ComposeApp
let app: AppHarness
let walk: string
let page: Page

const T = '#inst "2026-11-28T14:00:00.000-00:00"'
const bookUpdate = (title: string, patch: string): string =>
  `{:timestamp ${T}, :source :backoffice, :action {:reason :update, :actor [:user "dave"], :aggregate [:book "${title}"], :patch ${patch}}}`

beforeAll(async () => {
  compose = await openCompose({ prefix: 'e2e-compose', walkthrough: true, viewport: { width: 1440, height: 1000 } })
  ;({ app, page, file: walk } = compose)
}, 120_000)

afterAll(async () => {
  await compose?.close()
})

/** Replace the text of the EDN editor labelled `label` (see fillEditor). */
const fill = (label: string, text: string, escape = true): Promise<void> => steps.fillEditor(page, label, text, escape)

async function status(): Promise<string> {
  return (await page.getByTestId('compose-status').textContent()) ?? ''
}

/** Wait until validation has answered for the current input. */
async function settled(): Promise<string> {
  await expect.poll(status).not.toBe('Checking…')
  return status()
}

async function message(field: string): Promise<string> {
  await page.getByTestId(`message-${field}`).waitFor()
  return (await page.getByTestId(`message-${field}`).textContent()) ?? ''
}

async function composeValid(aggregate: string, key: string, value: string): Promise<void> {
  await fill('Source', ':studio')
  await fill('Reason', ':fix')
  await fill('Actor', '[:user "carol"]')
  await fill('Aggregate', aggregate)
  await fill('Key of row 1', key)
  await fill('Value of row 1', value)
  expect(await settled()).toBe('The event is valid and can be staged.')
}

const staged = () => page.locator('[data-testid="staged-list"] [data-testid^="staged-"]')

async function stage(): Promise<void> {
  const before = await staged().count()
  await page.getByTestId('stage-button').click()
  await expect.poll(() => staged().count()).toBe(before + 1)
}

/** Choose an option of a segmented control (its radio input is visually hidden). */
async function segment(name: string): Promise<void> {
  await page.locator('.mantine-SegmentedControl-label', { hasText: new RegExp(`^${name}$`) }).click()
}

const unlock = (): Promise<void> => steps.unlock(app)

const cliRead = (offset: number): string => {
  const run = cli(['read', walk, '--offset', String(offset)])
  expect(run.code).toBe(0)
  return run.stdout
}

describe('the composer', () => {
  it('shows a sentence at every invalid field and enables no write', async () => {
    expect(await page.getByTestId('commit-locked').textContent()).toBe('Unlock the store to write.')
    expect(await page.getByTestId('commit-button').count()).toBe(0)
    await composeValid('[:book "Neuromancer"]', ':year', '1984')

    const cases: [label: string, bad: string, field: string, expected: RegExp, good: string][] = [
      ['Timestamp', '"yesterday"', 'timestamp', /^The timestamp must be an instant such as #inst/, T],
      ['Source', 'studio', 'source', /^The source must be a keyword such as :bookstore; got studio \(a symbol\)/, ':studio'],
      ['Reason', '"fix"', 'reason', /^The reason must be a keyword/, ':fix'],
      ['Actor', '[:user "carol"', 'actor', /^This is not valid EDN: .*end of input/, '[:user "carol"]'],
      ['Aggregate', '[:book 1.5]', 'aggregate', /the id 1\.5 is a floating-point number/, '[:book "Neuromancer"]'],
      ['Triggers', '[:encryption-key 1]', 'triggers', /single identity — write \[\[:encryption-key 1\]\]/, ''],
      ['Key of row 1', '"year"', 'assoc.0.key', /has the key "year", but a key must be a keyword/, ':year'],
      ['Value of row 1', '{:a', 'assoc.0.value', /^This is not valid EDN/, '1984']
    ]
    // The timestamp is "now at commit" until the user sets one; then the field says the store keeps whole seconds.
    expect(await page.getByTestId('timestamp-at-commit').textContent()).toContain('now at commit')
    await page.getByTestId('timestamp-now').click()
    expect(await page.getByText(/stored in whole seconds: milliseconds are dropped/).isVisible()).toBe(true)
    for (const [label, bad, field, expected, good] of cases) {
      await fill(label, bad)
      expect(await settled()).toMatch(/^Fix the problem marked in red/)
      expect(await message(field)).toMatch(expected)
      expect(await page.getByTestId('stage-button').isDisabled()).toBe(true)
      if (field === 'actor') await app.screenshot('compose-invalid-actor-light')
      await fill(label, good)
      expect(await settled()).toBe('The event is valid and can be staged.')
    }

    await page.getByTestId('timestamp-now').click()
    await page.getByTestId('timestamp-at-commit').waitFor()

    // An empty patch, and a key removed twice.
    await fill('Key of row 1', '')
    await fill('Value of row 1', '')
    await settled()
    expect(await message('patch')).toMatch(/^The patch must have :assoc \(keys to set\) or :dissoc/)
    await page.getByRole('button', { name: 'Add a key to remove' }).click()
    await page.getByRole('button', { name: 'Add a key to remove' }).click()
    await fill('Key to remove 1', ':draft')
    await fill('Key to remove 2', ':draft')
    await settled()
    expect(await message('dissoc.1')).toBe(':dissoc names :draft twice; the keys must be distinct.')
    expect(await page.getByTestId('stage-button').isDisabled()).toBe(true)

    // A key both set and removed is a warning: the event may still be staged.
    await fill('Key to remove 2', ':year')
    await fill('Key of row 1', ':year')
    await fill('Value of row 1', '1984')
    expect(await settled()).toBe('The event is valid and can be staged.')
    expect(await message('dissoc.1')).toMatch(/^Warning: :dissoc removes :year, which :assoc also sets; .* so :year ends up removed\.$/)
    await app.screenshot('compose-warning-light')

    // Effects: the trigger field.
    await segment('Effect')
    await fill('Trigger', '[:encryption-key]')
    await settled()
    expect(await message('trigger')).toMatch(/^The trigger must be an identity .*1 item, not 2/)
    expect(await page.getByTestId('stage-button').isDisabled()).toBe(true)
    await segment('Action')

    // Raw EDN: the same event, and errors there too.
    await segment('Raw EDN')
    await expect.poll(() => page.locator('.cm-content[aria-label="Raw event EDN"]').textContent()).toContain(':dissoc [:draft :year]')
    await fill('Raw event EDN', '{:timestamp #inst "2026-11-28T14:00:00Z", :source :s, :action {:reason :r, :actor [:u 1], :aggregate [:b 1], :patch {:assoc {}}}}')
    await settled()
    expect(await message('raw')).toBe(':action :patch :assoc must not be empty: give at least one key and its value, or leave :assoc out.')
    await fill('Raw event EDN', '{:a')
    await settled()
    expect(await message('raw')).toMatch(/^This is not valid EDN/)
    // Emptied, the editor is not marked wrong: staging is off and the line says what to write.
    await fill('Raw event EDN', '')
    await settled()
    await expect.poll(() => page.getByTestId('compose-status').textContent()).toBe('Write the event as one EDN map; it is checked as you type.')
    expect(await page.getByTestId('message-raw').count()).toBe(0)
    expect(await page.getByTestId('stage-button').isDisabled()).toBe(true)
    await fill('Raw event EDN', '{:a')
    await settled()
    expect(await message('raw')).toMatch(/^This is not valid EDN/)
    expect(await page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0)
    await segment('Form')
    expect(await page.getByTestId('switch-problem').textContent()).toMatch(/once the text is valid EDN/)
    await app.screenshot('compose-raw-invalid-light')
    await fill('Raw event EDN', bookUpdate('Neuromancer', '{:assoc {:year 1984}}'))
    expect(await settled()).toBe('The event is valid and can be staged.')
    await segment('Form')
    await expect.poll(() => page.locator('.cm-content[aria-label="Actor"]').textContent()).toBe('[:user "dave"]')
    await page.getByRole('button', { name: 'Clear' }).click()
    expect(await page.getByTestId('staged-list').count()).toBe(0)
  })

  it('composes two actions through the form, preflights, commits after confirmation; the CLI reads them back', async () => {
    await fill('Source', ':studio')
    await fill('Reason', ':fix')
    // Autocomplete from the store's actors.
    const actor = page.locator('.cm-content[aria-label="Actor"]')
    await actor.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.press('Delete')
    await page.keyboard.type('[:user "a')
    // Only alice's identity starts with [:user "a; wait until the list shows the answer for the whole prefix.
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['[:user "alice"]4 actions'])
    await page.getByRole('option', { name: /\[:user "alice"\]/ }).click()
    await expect.poll(() => actor.textContent()).toBe('[:user "alice"]')
    await fill('Aggregate', '[:book "Neuromancer"]')
    await fill('Key of row 1', ':year')
    await fill('Value of row 1', '1984')
    expect(await settled()).toBe('The event is valid and can be staged.')
    await stage()
    await composeValid('[:book "Count Zero"]', '[:details :year]', '1986')
    await stage()
    expect(await staged().count()).toBe(2)
    // Reorder: drag Count Zero first, move it back down with the button, up and down again.
    await page.evaluate(() => {
      // The events the browser fires for a drag: start on staged event 2, drop it on staged event 1.
      const transfer = new DataTransfer()
      const fire = (testId: string, type: string): void => {
        document.querySelector(`[data-testid="${testId}"]`)?.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }))
      }
      fire('staged-1', 'dragstart')
      fire('staged-0', 'dragover')
      fire('staged-0', 'drop')
      fire('staged-1', 'dragend')
    })
    await expect.poll(() => page.getByTestId('staged-0').textContent()).toContain('Count Zero')
    await page.getByRole('button', { name: 'Move staged event 1 down' }).click()
    expect(await page.getByTestId('staged-0').textContent()).toContain('Neuromancer')
    await page.getByRole('button', { name: 'Move staged event 2 up' }).click()
    expect(await page.getByTestId('staged-0').textContent()).toContain('Count Zero')
    await page.getByRole('button', { name: 'Move staged event 1 down' }).click()
    expect(await page.getByTestId('staged-0').textContent()).toContain('Neuromancer')

    // Each staged event is one readable line; its EDN on expand.
    expect(await page.getByTestId('staged-0').getByTestId('staging-summary').textContent()).toBe('action :fix on [:book "Neuromancer"] · assoc :year 1984')
    expect(await page.getByTestId('staged-0').getByTestId('staging-when').textContent()).toBe('now at commit')
    expect(await page.getByTestId('staging-edn').count()).toBe(0)
    await page.getByTestId('staged-0').getByTestId('staging-expand').click()
    expect(await page.getByTestId('staged-0').getByTestId('staging-edn').textContent()).toMatch(/^\{:timestamp #inst ".*", :source :studio, :action \{:reason :fix/)
    await app.screenshot('compose-staged-summaries-light')
    await page.getByTestId('staged-0').getByTestId('staging-expand').click()
    const stagedAt = Date.now()

    await page.getByTestId('preflight-button').click()
    await page.getByTestId('outcome-ok').waitFor()
    expect(await page.getByTestId('outcome-ok').textContent()).toContain('At base 8, the 2 events would get seq-nos 8–9.')
    // Unlocking changes nothing the preflight depends on: it is not marked stale.
    await unlock()
    expect(await page.getByTestId('outcome-stale').count()).toBe(0)
    const cards = page.getByTestId('aggregate-change')
    expect(await cards.count()).toBe(2)
    expect(await cards.nth(0).getByTestId('state-before').textContent()).toBe('{:author "William Gibson", :genre "Cyberpunk"}')
    expect(await cards.nth(0).getByTestId('state-after').textContent()).toBe('{:author "William Gibson", :genre "Cyberpunk", :year 1984}')
    expect(await cards.nth(1).getByTestId('diff-table').textContent()).toBe('ChangeKeyBeforeAfteradded:details—{:year 1986}')
    expect(cli(['seq-no', walk]).stdout.trim()).toBe('7') // preflight wrote nothing
    await app.screenshot('compose-preflight-light')
    await app.setColorScheme('dark')
    await app.screenshot('compose-preflight-dark')
    await app.setColorScheme('light')

    await page.getByTestId('commit-button').click()
    await page.getByTestId('commit-modal').waitFor()
    expect(await page.getByTestId('commit-sentence').textContent()).toBe('Append 2 events to walk.db at seq-no 8:')
    await app.screenshot('compose-confirm-light')
    // "Now at commit" is the time of the commit, not of staging (waited for here).
    while (Date.now() < stagedAt + 2500) await page.waitForTimeout(250)
    const committedAt = Math.floor(Date.now() / 1000) * 1000
    await page.getByTestId('confirm-commit').click()
    await expect.poll(() => page.getByTestId('outcome-ok').textContent()).toContain('The 2 events got seq-nos 8–9.')
    await expect.poll(() => page.getByTestId('header-seq-no').textContent()).toBe('9')
    expect(await page.getByTestId('staged-list').count()).toBe(0)
    expect(await page.getByTestId('staging-base').textContent()).toBe('Base 10: composed on top of seq-no 9')

    const read = cliRead(8)
    expect(read).toContain(':seq-no 8, :timestamp')
    const written = [...read.matchAll(/:seq-no (?:8|9), :timestamp #inst "([^"]+)"/g)].map((m) => Date.parse(m[1].replace(/-00:00$/, 'Z')))
    expect(written).toHaveLength(2)
    for (const ms of written) {
      expect(ms).toBeGreaterThanOrEqual(committedAt)
      expect(ms).toBeGreaterThan(stagedAt + 1000) // stored in whole seconds: at least floor(stagedAt + 2.5 s)
    }
    expect(read).toContain(':source :studio, :action {:reason :fix, :actor [:user "alice"], :aggregate [:book "Neuromancer"], :patch {:assoc {:year 1984}}}')
    expect(read).toContain(':seq-no 9')
    expect(read).toContain(':patch {:assoc {[:details :year] 1986}}')
  })

  it('shows a conflict, not a lost update, when a second process appends while the user composes', async () => {
    expect(await page.getByTestId('outcome-ok').textContent()).toContain('The 2 events got seq-nos 8–9.')
    await composeValid('[:book "Neuromancer"]', ':rating', '5')
    await stage()
    // The result of the last commit goes once a new batch is staged.
    expect(await page.getByTestId('outcome').count()).toBe(0)
    // Another process appends to the same aggregate.
    const other = cli(['rebase', walk, '--base', '10'], `[${bookUpdate('Neuromancer', '{:assoc {:rating 3}}')}]`)
    expect(other.stdout).toContain(':result :ok')
    await expect.poll(() => page.getByTestId('header-seq-no').textContent()).toBe('10')
    await page.getByTestId('preflight-button').click()
    await page.getByTestId('conflict-summary').waitFor()
    expect(await page.getByTestId('conflict-summary').textContent()).toContain('Conflict: staged event 1 meets stored event 10')
    expect(await page.getByTestId('conflict-theirs').textContent()).toContain(':rating 3')
    expect(await page.getByTestId('conflict-ours').textContent()).toContain(':rating 5')
    await app.screenshot('compose-conflict-light')
    await app.setColorScheme('dark')
    await app.screenshot('compose-conflict-dark')
    await app.setColorScheme('light')
    // Commit runs the preflight first: the conflict again, and no confirmation to write.
    await page.getByTestId('commit-button').click()
    await page.getByTestId('conflict-summary').waitFor()
    expect(await page.getByTestId('commit-modal').count()).toBe(0)
    expect(cli(['seq-no', walk]).stdout.trim()).toBe('10')

    // The user has looked at 10 and keeps their rating: treat it as resolved, then commit.
    await page.getByTestId('mark-resolved').click()
    expect(await page.getByTestId('resolved-list').textContent()).toContain('10')
    await page.getByTestId('commit-button').click()
    await page.getByTestId('commit-modal').waitFor()
    expect(await page.getByTestId('commit-sentence').textContent()).toBe('Append 1 event to walk.db at seq-no 11:')
    await page.getByTestId('confirm-commit').click()
    await expect.poll(() => page.getByTestId('header-seq-no').textContent()).toBe('11')
    const read = cliRead(10)
    expect(read).toContain(':seq-no 10')
    expect(read).toContain(':rating 3')
    expect(read).toContain(':seq-no 11')
    expect(read).toContain(':rating 5')
  })

  it('a conflicting append between confirmation and write: conflict shown, batch intact, nothing lost', async () => {
    await composeValid('[:book "Count Zero"]', ':rating', '4')
    await stage()
    await page.getByTestId('commit-button').click()
    await page.getByTestId('commit-modal').waitFor()
    cli(['rebase', walk, '--base', '12'], `[${bookUpdate('Count Zero', '{:assoc {:rating 2}}')}]`)
    await page.getByTestId('confirm-commit').click()
    await page.getByTestId('conflict-summary').waitFor()
    expect(await page.getByTestId('conflict-summary').textContent()).toContain('meets stored event 12')
    expect(await staged().count()).toBe(1)
    expect(cli(['seq-no', walk]).stdout.trim()).toBe('12')
  })

  it('a failed write (the file is busy) keeps the staged batch and says so plainly', async () => {
    await page.getByTestId('mark-resolved').click()
    await page.getByTestId('commit-button').click()
    await page.getByTestId('commit-modal').waitFor()
    const holder = new Database(walk)
    holder.exec('BEGIN EXCLUSIVE')
    try {
      await page.getByTestId('confirm-commit').click()
      await page.getByTestId('commit-failure').waitFor({ timeout: 20_000 })
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    expect(await page.getByTestId('commit-failure').textContent()).toMatch(/Nothing was written, and the staged batch is unchanged: /)
    expect(await staged().count()).toBe(1)
    await app.screenshot('compose-failed-write-light')
    expect(cli(['seq-no', walk]).stdout.trim()).toBe('12')
    // Once the file is free, the same batch commits.
    await page.getByTestId('commit-button').click()
    await page.getByTestId('confirm-commit').click()
    await expect.poll(() => page.getByTestId('header-seq-no').textContent()).toBe('13')
    expect(await page.getByTestId('staging-base').textContent()).toBe('Base 14: composed on top of seq-no 13')
  })

  it('offers to compose on top of the store as it is now when the empty batch fell behind', async () => {
    cli(['rebase', walk, '--base', '14'], `[${bookUpdate('Dune', '{:assoc {:rating 5}}')}]`)
    await page.getByTestId('catch-up').waitFor()
    expect(await page.getByTestId('catch-up').textContent()).toContain('The store has moved on to seq-no 14 since this batch started.')
    await page.getByRole('button', { name: 'Compose on top of 14' }).click()
    expect(await page.getByTestId('staging-base').textContent()).toBe('Base 15: composed on top of seq-no 14')
    expect(await page.getByTestId('catch-up').count()).toBe(0)
  })
  it('warns before a commit when an explicit timestamp is older than the store\'s latest event', async () => {
    await page.getByTestId('timestamp-now').click()
    await fill('Timestamp', '#inst "2020-01-01T00:00:00.250Z"')
    await composeValid('[:book "Dune"]', ':rating', '4')
    await stage()
    // Shown in the time-zone setting's zone (local by default), like every time in the app.
    const local = (iso: string): string => formatTimeIn('local', Date.parse(iso) / 1000)
    expect(await page.getByTestId('staged-0').getByTestId('staging-when').textContent()).toBe(local('2020-01-01T00:00:00Z'))
    await page.getByTestId('commit-button').click()
    await page.getByTestId('commit-modal').waitFor()
    const warning = page.getByTestId('commit-older-warning')
    await warning.waitFor()
    expect(await warning.textContent()).toContain(`Staged event 1 is stamped ${local('2020-01-01T00:00:00Z')}, before the store's latest event (14, at ${local('2026-11-28T14:00:00Z')})`)
    expect(await warning.isVisible()).toBe(true)
    await app.screenshot('compose-older-timestamp-warning-light')
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.getByTestId('commit-modal').waitFor({ state: 'detached' })
    expect(cli(['seq-no', walk]).stdout.trim()).toBe('14')
    await page.getByTestId('timestamp-now').click()
  })
})
