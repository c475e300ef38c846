import { readFile } from 'node:fs/promises';
import { expect, test } from './support/test';
import { ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { keyAction } from './support/keys';

test("a key's Activity opens its audit events as readable fields with links; the filtered events export as CSV", async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  const projects = await (await api.get('/api/console/projects')).json();
  const deployment = await (
    await api.post('/api/console/deployments', {
      data: { name: `audited-${Date.now()}`, projectId: projects.projects[0].id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' },
    })
  ).json();
  const key = await (
    await api.post(`/api/console/deployments/${deployment.id}/keys`, { data: { note: 'audited key', permissions: [{ method: 'GET', path: '/clients' }] } })
  ).json();
  await api.put(`/api/console/deployments/${deployment.id}/keys/${key.id}`, {
    data: { note: 'audited key', permissions: [{ method: 'GET', path: '/clients' }, { method: 'POST', path: '/publish' }], version: 1 },
  });
  await api.dispose();

  await signIn(page, ROOT);
  await page.goto(`/deployments/${deployment.id}`);
  await keyAction(page, key.appId, 'Activity');
  await expect(page).toHaveURL(new RegExp(`/audit-log\\?target=${key.appId}$`));
  await expect(page.getByRole('textbox', { name: 'Object' })).toHaveValue(key.appId);
  const rows = page.getByRole('row').filter({ hasText: key.appId });
  await expect(rows).toHaveCount(2);
  const edit = rows.filter({ hasText: 'Deployment API Key edited' });
  await expect(edit).toContainText('Granted');
  await expect(edit).toContainText('+ POST /publish');
  // Each entry opens whole in a side panel: to the second, as recorded, with its before/after.
  await edit.getByRole('button', { name: /^Open the entry deployment_key\.update at / }).click();
  const panel = page.getByRole('dialog', { name: 'Deployment API Key edited' });
  await expect(panel).toContainText('+ POST /publish');
  await expect(panel.locator('time').first()).toHaveText(/\d{1,2}:\d{2}:\d{2}/);
  await expect(panel).toContainText('"action": "deployment_key.update"');
  await expectNoSeriousA11yViolations(page, '[role="dialog"]');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  // "When" reads to the second in the list too.
  await expect(edit.locator('time').first()).toHaveText(/\d{1,2}:\d{2}:\d{2}/);
  // The target links to the key's deployment.
  await edit.getByRole('link', { name: 'audited key' }).click();
  await expect(page).toHaveURL(new RegExp(`/deployments/${deployment.id}$`));

  await page.goto('/audit-log');
  await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Deployment API Key created' });
  await expect(page.getByRole('row').filter({ hasText: key.appId })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: 'Deployment created' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('"at","actor_type","actor","action","target_type","target_id","target","details","address"');
  expect(lines.slice(1).every((line) => line.includes(',"deployment_key.create",'))).toBe(true);
  expect(csv).toContain(key.appId);
});
