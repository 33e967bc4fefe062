/**
 * Compose steps as a user takes them in the window: stage one event typed as
 * raw EDN, unlock the store (confirming main's dialog), commit after the
 * confirmation.
 */
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

/** In Compose: Raw EDN, type `eventEdn`, wait until it is valid, Stage event. */
export async function stageRaw(page: Page, eventEdn: string): Promise<void> {
  await page.locator('.mantine-SegmentedControl-label', { hasText: /^Raw EDN$/ }).click()
  await page.locator('.cm-content[aria-label="Raw event EDN"]').click()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(eventEdn)
  await page.keyboard.press('Escape')
  await expect.poll(() => page.getByTestId('compose-status').textContent()).toBe('The event is valid and can be staged.')
  await page.getByTestId('stage-button').click()
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
