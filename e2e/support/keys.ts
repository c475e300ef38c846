import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Closes a secret's reveal dialog the way a careful user does after writing the secret down by
 * other means: Close, then "Close anyway" when asked (nothing was copied with its buttons).
 */
export async function closeRevealWithoutCopying(page: Page, reveal: Locator): Promise<void> {
  await reveal.getByRole('button', { name: 'Close', exact: true }).last().click();
  const confirm = page.getByRole('dialog', { name: /^Close without copying the / });
  await confirm.getByRole('button', { name: 'Close anyway' }).click();
  await expect(reveal).toBeHidden();
}

/** Opens a key row's menu ("Actions for …") and picks one of its items. */
export async function keyAction(page: Page, keyLabel: string, action: 'Edit' | 'Roll secret' | 'Disable' | 'Enable' | 'Key settings' | 'Activity' | 'Delete'): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${keyLabel}`, exact: true }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}
