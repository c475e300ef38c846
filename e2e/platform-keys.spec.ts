import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { createAccount, ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { closeRevealWithoutCopying, keyAction } from './support/keys';

async function createDeploymentInUi(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Deployments' }).click();
  await page.getByRole('button', { name: 'Create Deployment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create Deployment' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await expect(dialog.getByRole('combobox', { name: 'Project' })).toHaveValue(/.+/);
  await dialog.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Dedicated v5' });
  await dialog.getByRole('button', { name: 'Create Deployment' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  return (await page.getByText(/^[a-z][0-9a-f]{7}$/).first().textContent())!;
}

async function createKeyInUi(page: Page, note: string) {
  await page.goto('/platform-api-keys');
  await expect(page.getByLabel('API endpoint', { exact: true })).toHaveText(new URL('/public_api/v1', page.url()).toString());
  await page.getByRole('button', { name: 'New API Key' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New API Key' });
  await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
  await dialog.getByRole('checkbox', { name: 'Deployment Management' }).check();
  await expectNoSeriousA11yViolations(page, '[role="dialog"]');
  await dialog.getByRole('button', { name: 'Confirm' }).click();

  const reveal = page.getByRole('dialog', { name: 'API Key created' });
  await expect(reveal.getByText('shown only once')).toBeVisible();
  const key = await reveal.getByRole('textbox', { name: 'Key' }).inputValue();
  const secret = await reveal.getByRole('textbox', { name: 'Secret' }).inputValue();
  expect(key).toMatch(/^kwk_/);
  expect(secret).toMatch(/^kwps_/);
  await expectNoSeriousA11yViolations(page, '[role="dialog"]');
  await closeRevealWithoutCopying(page, reveal);
  await expect(reveal).toBeHidden();
  // After Close the Secret is nowhere on the page.
  await expect(page.locator('body')).not.toContainText(secret);
  expect(await page.content()).not.toContain(secret);
  return { key, secret };
}

const run = promisify(execFile);

function basic(key: string, secret: string) {
  return { authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}` };
}

for (const who of ['Root', 'Administrator'] as const) {
  test(`${who} issues a Platform API Key that works, and deleting it revokes it at once`, async ({ page, request, baseURL }) => {
    const account = who === 'Root' ? ROOT : await createAccount(baseURL!, 'admin', 'Alex Admin');
    await signIn(page, account);
    const deploymentName = `fleet-${who.toLowerCase()}-${Date.now()}`;
    const deploymentId = await createDeploymentInUi(page, deploymentName);

    const { key, secret } = await createKeyInUi(page, `CI pipeline (${who})`);
    await expect(page.getByRole('row').filter({ hasText: key })).toContainText(`CI pipeline (${who})`);
    await expectNoSeriousA11yViolations(page);

    const list = await request.get('/public_api/v1/deployments', { headers: basic(key, secret) });
    expect(list.status()).toBe(200);
    expect((await list.json()).map((d: { deploymentID: string }) => d.deploymentID)).toContain(deploymentId);

    const stop = await request.post(`/public_api/v1/deployments/${deploymentId}/stop`, { headers: basic(key, secret) });
    expect(stop.status()).toBe(201);
    expect(await stop.json()).toMatchObject({ deploymentID: deploymentId, operation: 'stopping' });

    await page.goto(`/deployments/${deploymentId}`);
    await expect(async () => {
      await page.reload();
      await expect(page.getByText('Stopped', { exact: true })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByText(deploymentId, { exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto('/platform-api-keys');
    await keyAction(page, key, 'Delete');
    const confirm = page.getByRole('dialog', { name: 'Delete Platform API Key' });
    await expect(confirm).toContainText(key);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('row').filter({ hasText: key })).toHaveCount(0);

    const after = await request.get('/public_api/v1/deployments', { headers: basic(key, secret) });
    expect(after.status()).toBe(401);
  });
}

test('a Project Administrator cannot reach the Platform API Key page', async ({ page, baseURL }) => {
  const padmin = await createAccount(baseURL!, 'project_admin', 'Pia Padmin');
  await signIn(page, padmin);
  await page.getByRole('button', { name: 'Pia Padmin', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Platform API Key' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.goto('/platform-api-keys');
  await expect(page.getByRole('heading', { name: 'No access' })).toBeVisible();
});

test("a TLS-only key's reveal has a ready-to-run line that reads a deployment's certificate", async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  const projects = await (await api.get('/api/console/projects')).json();
  const made = await api.post('/api/console/deployments', {
    data: { name: `tls-line-${Date.now()}`, projectId: projects.projects[0].id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' },
  });
  expect(made.status()).toBe(201);
  await api.dispose();

  await signIn(page, ROOT);
  await page.goto('/platform-api-keys');
  await page.getByRole('button', { name: 'New API Key' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New API Key' });
  await dialog.getByRole('checkbox', { name: 'TLS Certificate Management' }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const reveal = page.getByRole('dialog', { name: 'API Key created' });
  const curl = (await reveal.getByLabel('curl command', { exact: true }).textContent())!;
  expect(curl).toMatch(/\/public_api\/v1\/deployments\/[a-z][0-9a-f]{7}\/tls'$/);
  // Run as it stands: the key is let in and may read; this deployment has no certificate yet.
  const { stdout } = await run('sh', ['-c', `${curl} -s -w ' %{http_code}'`]);
  expect(stdout).toMatch(/"code":"NOT_FOUND".* 404$|^\{.*\} 200$/);
  await closeRevealWithoutCopying(page, reveal);
});
