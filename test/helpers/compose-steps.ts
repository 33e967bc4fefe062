/**
 * Compose steps as a user takes them in the window: stage one event typed as
 * raw EDN, open the side-by-side resolution of a conflict, unlock the store
 * (confirming main's dialog), commit after the confirmation.
 */
import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'

/** Replace the text of the EDN editor labelled `label`; with `escape`, Escape then closes a completion list, if any, and leaves the editor. */
export async function fillEditor(page: Page, label: string, text: string, escape = true): Promise<void> {
  await page.locator(`.cm-content[aria-label="${label}"]`).click()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
  if (text !== '') await page.keyboard.insertText(text)
  if (escape) await page.keyboard.press('Escape')
}

/** In Compose: Raw EDN, type `eventEdn`, wait until it is valid, Stage event. */
export async function stageRaw(page: Page, eventEdn: string): Promise<void> {
  await page.locator('.mantine-SegmentedControl-label', { hasText: /^Raw EDN$/ }).click()
  await fillEditor(page, 'Raw event EDN', eventEdn)
  await expect.poll(() => page.getByTestId('compose-status').textContent()).toBe('The event is valid and can be staged.')
  await page.getByTestId('stage-button').click()
}

/**
 * Resolve side by side… on the conflict shown: the resolver is about stored
 * event `theirs` (`described` matches its line) and shows `key` changed on
 * both sides, with each of `values`. Returns the key's row.
 */
export async function openResolver(page: Page, theirs: number, described: RegExp, key: string, values: readonly string[]): Promise<Locator> {
  await page.getByTestId('resolve-open').click()
  const resolver = page.getByTestId('conflict-resolver')
  await resolver.waitFor()
  expect(await resolver.getAttribute('data-theirs')).toBe(String(theirs))
  expect(await page.getByTestId('resolve-theirs').textContent()).toMatch(described)
  const row = page.locator(`[data-testid="resolve-row"][data-key="${key}"]`)
  expect(await row.getByTestId('resolve-mark').textContent()).toBe('both · differ')
  for (const value of values) expect(await row.textContent()).toContain(value)
  return row
}

/** Commit… and confirm; resolves once the dialog is gone. */
export async function commit(page: Page): Promise<void> {
  await page.getByTestId('commit-button').click()
  await page.getByTestId('commit-modal').waitFor()
  await page.getByTestId('confirm-commit').click()
  await page.getByTestId('commit-modal').waitFor({ state: 'detached' })
}

/** Unlock…, the user confirming main's dialog; resolves once the badge says Unlocked. */
export async function unlock(app: { readonly page: Page; readonly dialogs: { willConfirmUnlock(): void } }): Promise<void> {
  app.dialogs.willConfirmUnlock()
  await app.page.getByRole('button', { name: 'Unlock…' }).click()
  await expect.poll(() => app.page.getByTestId('lock-badge').textContent()).toBe('Unlocked')
}
