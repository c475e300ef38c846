import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';
import { createAccount, ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { closeRevealWithoutCopying, keyAction } from './support/keys';

async function createDeployment(api: APIRequestContext, type: string, name: string): Promise<string> {
  const projects = await (await api.get('/api/console/projects')).json();
  const response = await api.post('/api/console/deployments', {
    data: { name, projectId: projects.projects[0].id, type, emqxVersion: '5.8.9', region: 'us-east-1' },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).id;
}

test('a Dedicated v5 key: pick permissions, reveal once, view access, edit, delete', async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  const deploymentId = await createDeployment(api, 'dedicated_v5', `keys-v5-${Date.now()}`);
  await api.dispose();
  await signIn(page, ROOT);
  await page.goto(`/deployments/${deploymentId}`);
  const section = page.getByRole('region', { name: 'Deployment API Key' });

  await test.step('create a key with a note, a searched method and a whole category', async () => {
    await section.getByRole('button', { name: '+ New API Key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API Key' });
    await dialog.getByRole('textbox', { name: 'Note' }).fill('monitoring dashboard');
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await dialog.getByRole('searchbox', { name: 'Search APIs' }).fill('clients');
    await expect(dialog.getByText(/APIs? match/)).toBeVisible();
    await dialog.getByRole('checkbox', { name: 'GET', exact: true }).check();
    await expect(dialog.getByRole('checkbox', { name: 'GET /clients', exact: true })).toBeChecked();
    await dialog.getByRole('searchbox', { name: 'Search APIs' }).fill('publish');
    await dialog.getByRole('checkbox', { name: 'Publish', exact: true }).check();
    // A category with reads and writes asks which: here, its reads alone.
    await dialog.getByRole('searchbox', { name: 'Search APIs' }).fill('banned');
    await dialog.getByRole('checkbox', { name: 'Banned', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'Grant Banned' });
    await expectNoSeriousA11yViolations(page, '[role="dialog"]');
    await ask.getByRole('button', { name: /^Read: \d+ permissions?$/ }).click();
    await expect(ask).toBeHidden();
    await expect(dialog.getByRole('checkbox', { name: 'GET /banned', exact: true })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: 'POST /banned', exact: true })).not.toBeChecked();
    await expect(dialog.getByRole('status')).toContainText(/\d+ permissions? in \d+ categor(y|ies)/);
    await expect(dialog.getByRole('status')).toContainText(/\(GET \d+ · POST \d+\)/);
    await expectNoSeriousA11yViolations(page, '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
  });

  let appId = '';
  await test.step('read App ID and App Secret once', async () => {
    const reveal = page.getByRole('dialog', { name: 'API Key created' });
    appId = await reveal.getByRole('textbox', { name: 'App ID' }).inputValue();
    const secret = await reveal.getByRole('textbox', { name: 'App Secret' }).inputValue();
    expect(appId).toMatch(/^kwa_/);
    expect(secret).toMatch(/^kwds_/);
    await closeRevealWithoutCopying(page, reveal);
    await expect(reveal).toBeHidden();
    expect(await page.content()).not.toContain(secret);
  });

  await test.step('view what was granted', async () => {
    const row = section.getByRole('row').filter({ hasText: appId });
    await expect(row).toContainText('monitoring dashboard');
    // Its access in words and its status, readable in a long list (who made it is on its page).
    await expect(row).toContainText(/[A-Z][A-Za-z ]+: read(, create)?/);
    await expect(row.getByText('Active', { exact: true })).toBeVisible();
    await row.getByRole('button', { name: `View Access ${appId}` }).click();
    await expect(section.getByText('/clients/{clientid}', { exact: true })).toBeVisible();
    await expect(section.getByText('/publish', { exact: true })).toBeVisible();
  });

  await test.step('edit the note and permissions', async () => {
    await keyAction(page, appId, 'Edit');
    const dialog = page.getByRole('dialog', { name: `Edit API Key ${appId}` });
    await expect(dialog.getByRole('textbox', { name: 'Note' })).toHaveValue('monitoring dashboard');
    await dialog.getByRole('textbox', { name: 'Note' }).fill('read-only dashboard');
    await dialog.getByRole('switch', { name: 'Show selected only' }).click();
    await dialog.getByRole('checkbox', { name: 'Publish', exact: true }).uncheck();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toBeHidden();
    await expect(section.getByRole('row').filter({ hasText: appId })).toContainText('read-only dashboard');
  });

  await test.step('delete it', async () => {
    await keyAction(page, appId, 'Delete');
    const confirm = page.getByRole('dialog', { name: 'Delete API Key' });
    await expect(confirm).toContainText(appId);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(section.getByRole('row').filter({ hasText: appId })).toHaveCount(0);
  });
});

test('a Serverless deployment creates its full-access key, asking only when it expires', async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  const deploymentId = await createDeployment(api, 'serverless', `keys-serverless-${Date.now()}`);
  await api.dispose();
  await signIn(page, ROOT);
  await page.goto(`/deployments/${deploymentId}`);
  const section = page.getByRole('region', { name: 'Deployment API Key' });
  await section.getByRole('button', { name: '+ New API Key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API Key' });
  await expect(dialog.getByRole('combobox', { name: 'Expires' })).toHaveValue('90');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const reveal = page.getByRole('dialog', { name: 'API Key created' });
  const appId = await reveal.getByRole('textbox', { name: 'App ID' }).inputValue();
  await closeRevealWithoutCopying(page, reveal);
  const row = section.getByRole('row').filter({ hasText: appId });
  await expect(row).toContainText('Full access');
  // Its page says when it expires.
  await row.getByRole('link', { name: appId, exact: true }).click();
  await expect(page.getByRole('heading', { name: appId, level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('in 90 days');
});

test('an Auditor sees the key list but no New API Key, Edit or Delete', async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  const deploymentId = await createDeployment(api, 'dedicated_v5', `keys-audit-${Date.now()}`);
  const created = await api.post(`/api/console/deployments/${deploymentId}/keys`, {
    data: { note: 'visible to auditors', permissions: [{ method: 'GET', path: '/clients' }] },
  });
  const { appId } = await created.json();
  await api.dispose();
  const auditor = await createAccount(baseURL!, 'auditor', 'Ada Auditor');
  await signIn(page, auditor);
  await page.goto(`/deployments/${deploymentId}`);
  const section = page.getByRole('region', { name: 'Deployment API Key' });
  await expect(section.getByRole('row').filter({ hasText: appId })).toContainText('Clients: read');
  await expect(section.getByRole('button', { name: /New API Key/ })).toHaveCount(0);
  await expect(section.getByRole('button', { name: /^Actions for / })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
