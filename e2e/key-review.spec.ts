import { expect, test } from './support/test';
import { ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';

test('Key review lists keys worth a second look, says why, marks one reviewed, and disables and sets expiries in bulk', async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  // A new organisation's policy requires an expiry; an older one may still allow "Never".
  await api.put('/api/console/settings/key-policy', { data: { maxKeyLifetimeDays: null, allowNeverExpiring: true } });
  const projects = await (await api.get('/api/console/projects')).json();
  const deployment = await (
    await api.post('/api/console/deployments', {
      data: { name: `review-${Date.now()}`, projectId: projects.projects[0].id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' },
    })
  ).json();
  const createForever = async (note: string) =>
    (await api.post(`/api/console/deployments/${deployment.id}/keys`, { data: { note, permissions: [{ method: 'GET', path: '/clients' }], expiresAt: null } })).json();
  const key = await createForever('lives forever');
  const other = await createForever('also forever');

  await signIn(page, ROOT);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Key review' }).click();
  await expect(page.getByRole('heading', { name: 'Key review', level: 1 })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: key.appId });
  const otherRow = page.getByRole('row').filter({ hasText: other.appId });
  await expect(row).toContainText('Never expires');
  await expect(row).toContainText('lives forever');
  await expectNoSeriousA11yViolations(page);

  // Both selected and disabled at once, after a confirmation naming them.
  const actions = page.getByRole('group', { name: 'Selected keys' });
  await page.getByRole('checkbox', { name: `Select ${key.appId}` }).check();
  await page.getByRole('checkbox', { name: `Select ${other.appId}` }).check();
  await expect(actions).toContainText('2 keys selected');
  await actions.getByRole('button', { name: 'Disable' }).click();
  const confirm = page.getByRole('dialog', { name: 'Disable 2 keys' });
  await expect(confirm).toContainText(key.appId);
  await confirm.getByRole('button', { name: 'Disable' }).click();
  await expect(page.getByText('2 keys disabled')).toBeVisible();
  await expect(row.getByText('Disabled', { exact: true })).toBeVisible();
  await expect(otherRow.getByText('Disabled', { exact: true })).toBeVisible();
  await expect(actions).toContainText('0 keys selected');

  // An expiry for one: nothing about it is worth a second look any more, so it leaves the review.
  await page.getByRole('checkbox', { name: `Select ${other.appId}` }).check();
  await actions.getByRole('button', { name: 'Set expiry' }).click();
  const expiry = page.getByRole('dialog', { name: 'Set the expiry of 1 key' });
  await expiry.getByRole('combobox', { name: 'Expires' }).selectOption({ label: '30 days' });
  await expectNoSeriousA11yViolations(page, '[role="dialog"]');
  await expiry.getByRole('button', { name: 'Set expiry' }).click();
  await expect(page.getByText('Expiry set on 1 key')).toBeVisible();
  await expect(otherRow).toHaveCount(0);

  const stored = await (await api.get(`/api/console/deployments/${deployment.id}/keys`)).json();
  const byAppId = new Map(stored.keys.map((entry: { appId: string }) => [entry.appId, entry]));
  expect(byAppId.get(key.appId)).toMatchObject({ disabled: true, expiresAt: null });
  expect(byAppId.get(other.appId)).toMatchObject({ disabled: true, expiresAt: expect.any(String) });
  await api.dispose();

  await row.getByRole('button', { name: `Mark ${key.appId} reviewed` }).click();
  await expect(row).toContainText(`Reviewed by ${ROOT.email}`);
  await page.getByRole('switch', { name: 'Hide reviewed keys' }).click();
  await expect(page.getByRole('row').filter({ hasText: key.appId })).toHaveCount(0);
  await row.page().goto('/audit-log?target=' + key.appId);
  await expect(page.getByRole('row').filter({ hasText: 'Key marked reviewed' })).toHaveCount(1);
  // Each bulk change is the key's own audited change.
  await expect(page.getByRole('row').filter({ hasText: 'Deployment API Key settings changed' })).toHaveCount(1);
});
