import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { closeRevealWithoutCopying, keyAction } from './support/keys';

const GRANT = [{ method: 'GET', path: '/clients' }];

async function createDeployment(api: APIRequestContext, name: string): Promise<string> {
  const projects = await (await api.get('/api/console/projects')).json();
  const response = await api.post('/api/console/deployments', {
    data: { name, projectId: projects.projects[0].id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).id;
}

/** Types `name=value` entries into a dialog's Labels field, each taken with Enter. */
async function typeLabels(dialog: Locator, ...entries: string[]) {
  const field = dialog.getByRole('combobox', { name: 'Labels' });
  for (const entry of entries) {
    await field.fill(entry);
    await field.press('Enter');
  }
}

async function filterByLabel(page: Page, filter: string) {
  await page.getByRole('searchbox', { name: 'Label', exact: true }).fill(filter);
}

test('labels: set in the dialogs, filtered in every key list, there after reload', async ({ page, baseURL }) => {
  const stamp = Date.now();
  const api = await rootApi(baseURL!);
  const deploymentId = await createDeployment(api, `labels-${stamp}`);
  const unlabelled = await api.post(`/api/console/deployments/${deploymentId}/keys`, { data: { note: 'no labels', permissions: GRANT } });
  const other = (await unlabelled.json()).appId as string;
  const platformOther = (await (await api.post('/api/console/platform-keys', { data: { scopes: ['deployment_management'], projectIds: null } })).json()).key as string;
  await api.dispose();
  await signIn(page, ROOT);

  let appId = '';
  await test.step('a Deployment API Key: labels typed in the dialog, a bad one explained', async () => {
    await page.goto(`/deployments/${deploymentId}`);
    const section = page.getByRole('region', { name: 'Deployment API Key' });
    await section.getByRole('button', { name: '+ New API Key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API Key' });
    await dialog.getByRole('searchbox', { name: 'Search APIs' }).fill('clients');
    await dialog.getByRole('checkbox', { name: 'GET', exact: true }).check();
    await typeLabels(dialog, 'Team=Payments');
    await expect(dialog.getByText(/Label names use lower-case letters/)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await dialog.getByRole('combobox', { name: 'Labels' }).press('Backspace');
    await typeLabels(dialog, `team=payments-${stamp}`, 'env=prod');
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeEnabled();
    await expectNoSeriousA11yViolations(page, '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    const reveal = page.getByRole('dialog', { name: 'API Key created' });
    appId = await reveal.getByRole('textbox', { name: 'App ID' }).inputValue();
    await closeRevealWithoutCopying(page, reveal);
  });

  await test.step('filtered in the deployment’s list, and there after reload', async () => {
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: appId });
    await expect(row).toContainText(`team=payments-${stamp}`);
    await expect(row).toContainText('env=prod');
    await filterByLabel(page, `team=payments-${stamp}`);
    await expect(page.getByRole('row').filter({ hasText: other })).toBeHidden();
    await expect(row).toBeVisible();
    await filterByLabel(page, 'env=dev');
    await expect(row).toBeHidden();
  });

  await test.step('edited: the last label (in name order) replaced', async () => {
    await filterByLabel(page, '');
    await keyAction(page, appId, 'Edit');
    const dialog = page.getByRole('dialog', { name: `Edit API Key ${appId}` });
    await dialog.getByRole('combobox', { name: 'Labels' }).press('Backspace');
    await typeLabels(dialog, `team=billing-${stamp}`);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toBeHidden();
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: appId });
    await expect(row).toContainText(`team=billing-${stamp}`);
    await expect(row).toContainText('env=prod');
    await expect(row).not.toContainText(`team=payments-${stamp}`);
  });

  await test.step('the API Keys inventory filters on the server', async () => {
    await page.goto('/api-keys');
    await filterByLabel(page, `team=billing-${stamp} env`);
    await expect(page.getByRole('row').filter({ hasText: other })).toBeHidden();
    await expect(page.getByRole('row').filter({ hasText: appId })).toContainText(`team=billing-${stamp}`);
  });

  let platformKey = '';
  await test.step('a Platform API Key: labels in its dialog, filtered, there after reload', async () => {
    await page.goto('/platform-api-keys');
    await page.getByRole('button', { name: 'New API Key' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New API Key' });
    await dialog.getByRole('checkbox', { name: 'Deployment Management' }).check();
    await typeLabels(dialog, `owner=ci-${stamp}`);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    const reveal = page.getByRole('dialog', { name: 'API Key created' });
    platformKey = await reveal.getByRole('textbox', { name: 'Key' }).inputValue();
    await closeRevealWithoutCopying(page, reveal);
    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: platformKey })).toContainText(`owner=ci-${stamp}`);
    await filterByLabel(page, `owner=ci-${stamp}`);
    await expect(page.getByRole('row').filter({ hasText: platformOther })).toBeHidden();
    await expect(page.getByRole('row').filter({ hasText: platformKey })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
