/**
 * Fork a PostgreSQL store and merge back, through the window, on a real
 * server: connect (the walkthrough in a database), Fork to a file…, a
 * correction committed on the fork while another process (the CLI) appends
 * to the database; the database's tab closed and its password not kept, so
 * Merge into origin… asks for it in the Connect dialog, then stages the
 * correction in the database's Compose, where the preflight's conflict is
 * resolved side by side and committed after unlocking. `coherence read URL`
 * holds both events; a second merge takes nothing twice.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { AppHarness } from '../helpers/app-harness'
import { startOnWalkthroughDatabase } from '../helpers/walkthrough-app'
import { describePostgres } from '../helpers/postgres-suite'
import { tempDir, neuromancerEdn, TEST_INST } from '../helpers/stores'
import { seen } from '../helpers/visibility'
import { commit, openResolver, stageRaw, unlock } from '../helpers/compose-steps'
import { cli } from '../cli/run-cli'

const T = TEST_INST

describePostgres('fork of a PostgreSQL store, merged back', (server) => {
  let app: AppHarness
  let page: Page
  let dir: ReturnType<typeof tempDir>
  let url: string
  let label: string
  let forkPath: string

  const seqNo = () => page.getByTestId('header-seq-no').textContent()
  const staged = () => page.locator('[data-testid="staged-list"] [data-testid^="staged-"]')
  const read = (): string => {
    const run = cli(['read', url])
    expect(run.code, run.stderr).toBe(0)
    return run.stdout
  }
  beforeAll(async () => {
    dir = tempDir('e2e-fork-pg')
    forkPath = join(dir.path, 'shop-fork.db')
    const started = await startOnWalkthroughDatabase(server, 'forkshop', { viewport: { width: 1440, height: 1000 } })
    ;({ app, url } = started)
    label = `${server.user}@${server.host}/${started.db}`
    page = app.page
  }, 180_000)

  afterAll(async () => {
    await app?.close()
    dir?.remove()
  })

  it('forks the database into a file marked FORK of user@host/db', async () => {
    app.dialogs.willForkTo(forkPath)
    await page.getByTestId('fork-button').click()
    await page.getByTestId('store-name').filter({ hasText: 'shop-fork.db' }).waitFor()
    expect(await page.getByTestId('fork-badge').textContent()).toBe(`Forkof ${label}`)
    expect(await seen(page.getByTestId('fork-badge'))).toBe(true)
    // The long origin name gives way: the store's name, the lock badge and FORK stay whole and readable.
    const whole = (testId: string) => page.getByTestId(testId).evaluate((el) => [el, ...el.querySelectorAll('*')].every((e) => e.scrollWidth <= e.clientWidth + 1))
    expect(await whole('store-name')).toBe(true)
    expect(await whole('lock-badge')).toBe(true)
    expect(await page.getByTestId('fork-badge').locator('.mantine-Badge-root').evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.clientWidth > 40)).toBe(true)
    await app.screenshot('fork-pg-opened')
    expect(await page.getByTestId('lock-badge').textContent()).toBe('Unlocked')
    expect(await seqNo()).toBe('7')
    expect(readFileSync(`${forkPath}.fork.json`, 'utf8')).not.toContain(server.password)
  })

  it('asks for the password of the closed origin, stages the correction there, resolves the conflict side by side, commits', async () => {
    await page.locator('.mantine-NavLink-root', { hasText: 'Compose' }).click()
    await stageRaw(page, neuromancerEdn('carol', 'Cyberpunk classic'))
    await commit(page)
    await expect.poll(seqNo).toBe('8')
    // Another process appends to the database meanwhile.
    const other = cli(['rebase', url, '--base', '8'], `[${neuromancerEdn('dave', 'Classic')}]`)
    expect(other.code, other.stderr).toBe(0)
    // The database's tab is closed and its password is not kept on this computer (no keychain, or forgotten).
    await page.getByRole('button', { name: `Close ${label}` }).click()
    await page.getByRole('tab', { name: label, exact: true }).waitFor({ state: 'detached' })
    app.deps.connections.forget()

    await page.getByTestId('merge-button').click()
    const dialog = page.getByRole('dialog', { name: 'Connect to PostgreSQL' })
    await dialog.waitFor()
    const purpose = dialog.getByTestId('connect-purpose')
    expect(await purpose.textContent()).toBe(`shop-fork.db merges into ${label}, which is not open. Connect to it; the merge then goes on there.`)
    expect(await seen(purpose)).toBe(true)
    expect(await seen(dialog.getByText(`is not stored on this computer`))).toBe(true)
    const password = dialog.getByLabel('Password', { exact: true })
    expect(await seen(password)).toBe(true)
    await password.fill(server.password)
    await app.screenshot('fork-pg-merge-password')
    await app.setColorScheme('dark')
    expect(await seen(purpose)).toBe(true)
    await app.screenshot('fork-pg-merge-password-dark')
    await app.setColorScheme('light')
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })

    await page.getByTestId('store-name').filter({ hasText: label }).waitFor()
    await page.getByTestId('compose').waitFor()
    await expect.poll(() => staged().count()).toBe(1)
    expect(await staged().first().textContent()).toContain('From shop-fork.db: :fix [:book "Neuromancer"] by [:user "carol"]: assoc :genre "Cyberpunk classic"')
    expect(await page.getByTestId('staging-base').textContent()).toBe('Base 8: composed on top of seq-no 7 · merging shop-fork.db (its events up to seq-no 8)')
    const conflict = page.getByTestId('conflict-summary')
    await conflict.waitFor()
    await app.screenshot('fork-pg-merge-conflict')
    expect(await seen(conflict.getByText('Conflict: staged event 1 meets stored event 8', { exact: true }))).toBe(true)

    const genre = await openResolver(page, 8, /Stored event 8: :fix by \[:user "dave"\] from :studio/, ':genre', ['"Classic"', '"Cyberpunk classic"'])
    expect(await seen(genre.getByTestId('resolve-mark'))).toBe(true)
    await app.screenshot('fork-pg-merge-resolve')
    await page.getByTestId('resolve-retry').click()
    await page.getByTestId('outcome-ok').waitFor()
    expect(await page.getByTestId('outcome-ok').textContent()).toContain('would get seq-no 9')
    expect(await page.getByTestId('resolved-list').textContent()).toContain('8')

    await unlock(app)
    await commit(page)
    await expect.poll(seqNo).toBe('9')
    const merged = page.getByText(/shop-fork\.db is merged up to its seq-no 8/)
    await merged.waitFor()
    expect(await seen(merged)).toBe(true)
    await app.screenshot('fork-pg-merged')

    const after = read()
    expect(after).toContain(`{:seq-no 8, :timestamp ${T}, :source :studio, :action {:reason :fix, :actor [:user "dave"], :aggregate [:book "Neuromancer"], :patch {:assoc {:genre "Classic"}}}}`)
    expect(after).toMatch(/\{:seq-no 9, :timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :studio, :action \{:reason :\w+, :actor \[:user "carol"\], :aggregate \[:book "Neuromancer"\], :patch \{:assoc \{:genre "Cyberpunk classic"\}\}\}\}/)
    expect(JSON.parse(readFileSync(`${forkPath}.fork.json`, 'utf8'))).toMatchObject({ forkSeqNo: 7, mergedUpTo: 8, resolved: [8, 9] })
  })

  it('a second merge takes nothing twice (the origin\'s open tab is used, nothing asked)', async () => {
    const before = read()
    await page.getByRole('tab', { name: /shop-fork\.db/ }).click()
    await page.getByTestId('store-name').filter({ hasText: 'shop-fork.db' }).waitFor()
    await page.getByTestId('merge-button').click()
    const nothing = page.getByText(`shop-fork.db has no events after seq-no 8 that ${label} does not have.`)
    await nothing.waitFor()
    expect(await seen(nothing)).toBe(true)
    expect(await page.getByRole('dialog', { name: 'Connect to PostgreSQL' }).count()).toBe(0)
    await app.screenshot('fork-pg-nothing-to-merge')
    expect(read()).toBe(before)
  })
})
