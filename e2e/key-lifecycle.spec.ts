import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { closeRevealWithoutCopying, keyAction } from './support/keys';
import { useStandInUpstream } from './support/upstream';

const upstream = useStandInUpstream();

const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

/** Reads the public and the secret half from the one-time reveal dialog, then closes it. */
async function readReveal(page: Page, title: string, idLabel: string, secretLabel: string) {
  const reveal = page.getByRole('dialog', { name: title });
  const id = await reveal.getByRole('textbox', { name: idLabel }).inputValue();
  const secret = await reveal.getByRole('textbox', { name: secretLabel }).inputValue();
  await closeRevealWithoutCopying(page, reveal);
  await expect(reveal).toBeHidden();
  return { id, secret };
}

/** Roll with the default 1-hour grace; the new secret comes from the reveal dialog. */
async function roll(page: Page, keyLabel: string, idLabel: string, secretLabel: string) {
  await keyAction(page, keyLabel, 'Roll secret');
  const dialog = page.getByRole('dialog', { name: `Roll the secret of ${keyLabel}` });
  await expect(dialog.getByRole('radio', { name: 'In 1 hour' })).toBeChecked();
  await expectNoSeriousA11yViolations(page, '[role="dialog"]');
  await dialog.getByRole('button', { name: 'Roll secret' }).click();
  return (await readReveal(page, 'Roll secret', idLabel, secretLabel)).secret;
}

async function keySettings(page: Page, keyLabel: string) {
  await keyAction(page, keyLabel, 'Key settings');
  return page.getByRole('dialog', { name: `Settings of ${keyLabel}` });
}

/**
 * The whole lifecycle, as a person does it: the old and new secrets during the grace, the end
 * of the grace, disable, and an address allow-list, each checked against the real API.
 */
async function walkThroughLifecycle(page: Page, key: { id: string; secret: string }, labels: { id: string; secret: string }, call: (secret: string) => Promise<number>) {
  const row = page.getByRole('row').filter({ hasText: key.id });
  await expect(row.getByText(/^Expiring in [67] days$/)).toBeVisible();

  const newSecret = await roll(page, key.id, labels.id, labels.secret);
  await expect(row.getByText(/Old secret valid until/)).toBeVisible();
  expect(await call(key.secret)).toBe(200);
  expect(await call(newSecret)).toBe(200);

  let settings = await keySettings(page, key.id);
  await settings.getByRole('button', { name: 'End grace now' }).click();
  await expect(settings).toBeHidden();
  expect(await call(key.secret)).toBe(401);
  expect(await call(newSecret)).toBe(200);

  // Disable asks first; the row's status says so.
  await keyAction(page, key.id, 'Disable');
  await page.getByRole('dialog', { name: `Disable ${key.id}?` }).getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByText('Disabled', { exact: true })).toBeVisible();
  expect(await call(newSecret)).toBe(401);
  await keyAction(page, key.id, 'Enable');
  await expect(row.getByText('Disabled', { exact: true })).toHaveCount(0);
  expect(await call(newSecret)).toBe(200);

  settings = await keySettings(page, key.id);
  await settings.getByRole('textbox', { name: 'Allowed client addresses' }).fill('10.9.9.9');
  await expectNoSeriousA11yViolations(page, '[role="dialog"]');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
  expect(await call(newSecret)).toBe(403);

  settings = await keySettings(page, key.id);
  await settings.getByRole('textbox', { name: 'Allowed client addresses' }).fill('127.0.0.1/32');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
  expect(await call(newSecret)).toBe(200);
}

test('a Deployment API Key expiring in 7 days: rolled with a grace, disabled, held to an address', async ({ page, request, baseURL }) => {
  const api = await rootApi(baseURL!);
  const projectId = (await (await api.get('/api/console/projects')).json()).projects[0].id as string;
  const deployment = await (
    await api.post('/api/console/deployments', {
      data: { name: `lifecycle-${Date.now()}`, projectId, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1', upstreamUrl: upstream.url(), upstreamApiKey: 'k', upstreamApiSecret: 's' },
    })
  ).json();
  await api.dispose();

  await signIn(page, ROOT);
  await page.goto(`/deployments/${deployment.id}`);
  const section = page.getByRole('region', { name: 'Deployment API Key' });
  await section.getByRole('button', { name: '+ New API Key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API Key' });
  await dialog.getByRole('combobox', { name: 'Expires' }).selectOption({ label: '7 days' });
  await dialog.getByRole('searchbox', { name: 'Search APIs' }).fill('/clients');
  await dialog.getByRole('checkbox', { name: 'GET /clients', exact: true }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const created = await readReveal(page, 'API Key created', 'App ID', 'App Secret');
  await expectNoSeriousA11yViolations(page);

  const call = async (secret: string) => (await request.get(`/api/deployments/${deployment.id}/api/v5/clients`, { headers: basic(created.id, secret) })).status();
  await walkThroughLifecycle(page, created, { id: 'App ID', secret: 'App Secret' }, call);
});

test('a Platform API Key expiring in 7 days: rolled with a grace, disabled, held to an address', async ({ page, request }) => {
  await signIn(page, ROOT);
  await page.goto('/platform-api-keys');
  await page.getByRole('button', { name: 'New API Key' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New API Key' });
  await dialog.getByRole('combobox', { name: 'Expires' }).selectOption({ label: '7 days' });
  await dialog.getByRole('checkbox', { name: 'Deployment Management' }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const created = await readReveal(page, 'API Key created', 'Key', 'Secret');

  const call = async (secret: string) => (await request.get('/public_api/v1/deployments', { headers: basic(created.id, secret) })).status();
  await walkThroughLifecycle(page, created, { id: 'Key', secret: 'Secret' }, call);
});

test('Find key by secret (its own page, from the navigation), then Settings: a maximum key lifetime', async ({ page, baseURL }) => {
  await signIn(page, ROOT);
  const navigation = page.getByRole('navigation', { name: 'Main navigation' });
  await navigation.getByRole('link', { name: 'Find key by secret' }).click();
  await expect(page.getByRole('heading', { name: 'Find key by secret', level: 1 })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Find key by secret' })).toHaveAttribute('aria-current', 'page');
  await expectNoSeriousA11yViolations(page);

  const api = await rootApi(baseURL!);
  const key = await (await api.post('/api/console/platform-keys', { data: { note: 'leaked one', scopes: ['project_management'], projectIds: null } })).json();
  await api.dispose();
  await page.getByLabel('Secret', { exact: true }).fill(key.secret);
  await page.getByRole('button', { name: 'Find' }).click();
  const found = page.getByRole('status').filter({ hasText: `Platform API Key ${key.key}` });
  await expect(found).toBeVisible();
  await found.getByRole('button', { name: 'Roll secret' }).click();
  await page.getByRole('dialog', { name: `Roll the secret of ${key.key}` }).getByRole('radio', { name: 'Now' }).check();
  await page.getByRole('dialog', { name: `Roll the secret of ${key.key}` }).getByRole('button', { name: 'Roll secret' }).click();
  const rolled = await readReveal(page, 'Roll secret', 'Key', 'Secret');
  expect(rolled.secret).not.toBe(key.secret);
  await expect(found).toBeHidden();

  await navigation.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Each card says whether it holds unsaved changes; Save only when it does, Discard beside it.
  const policyCard = page.getByRole('region', { name: 'Key policy' });
  const lifetime = page.getByRole('textbox', { name: 'Maximum key lifetime' });
  await expect(policyCard.getByRole('status')).toHaveText('No unsaved changes');
  await expect(policyCard.getByRole('button', { name: 'Save' })).toBeDisabled();
  const before = await lifetime.inputValue();
  await lifetime.fill('45');
  await expect(policyCard.getByRole('status')).toHaveText('Unsaved changes');
  await policyCard.getByRole('button', { name: 'Discard changes' }).click();
  await expect(lifetime).toHaveValue(before);
  await expect(policyCard.getByRole('button', { name: 'Save' })).toBeDisabled();
  await lifetime.fill('30');
  await page.getByRole('switch', { name: 'Allow keys that never expire' }).click();
  await expect(policyCard.getByRole('status')).toHaveText('Unsaved changes');
  await policyCard.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Key policy saved')).toBeVisible();
  await expect(policyCard.getByRole('status')).toHaveText(/^Saved at /);
  await expect(policyCard.getByRole('button', { name: 'Save' })).toBeDisabled();
  await page.goto('/platform-api-keys');
  await page.getByRole('button', { name: 'New API Key' }).first().click();
  const expires = page.getByRole('dialog', { name: 'New API Key' }).getByRole('combobox', { name: 'Expires' });
  await expect(expires.locator('option')).toHaveText(['7 days', '30 days', 'Custom date']);
  // Leave the policy as the other tests expect it.
  const restore = await rootApi(baseURL!);
  await restore.put('/api/console/settings/key-policy', { data: { maxKeyLifetimeDays: null, allowNeverExpiring: true } });
  await restore.dispose();
});
