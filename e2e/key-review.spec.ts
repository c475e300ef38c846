import { expect, test } from '@playwright/test';
import { ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';

test('Key review lists keys worth a second look, says why, and marks one reviewed', async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  const projects = await (await api.get('/api/console/projects')).json();
  const deployment = await (
    await api.post('/api/console/deployments', {
      data: { name: `review-${Date.now()}`, projectId: projects.projects[0].id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' },
    })
  ).json();
  const key = await (
    await api.post(`/api/console/deployments/${deployment.id}/keys`, {
      data: { note: 'lives forever', permissions: [{ method: 'GET', path: '/clients' }], expiresAt: null },
    })
  ).json();
  await api.dispose();

  await signIn(page, ROOT);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Key review' }).click();
  await expect(page.getByRole('heading', { name: 'Key review', level: 1 })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: key.appId });
  await expect(row).toContainText('Never expires');
  await expect(row).toContainText('lives forever');
  await expectNoSeriousA11yViolations(page);
  await row.getByRole('button', { name: `Mark ${key.appId} reviewed` }).click();
  await expect(row).toContainText(`Reviewed by ${ROOT.email}`);
  await page.getByRole('switch', { name: 'Hide reviewed keys' }).click();
  await expect(page.getByRole('row').filter({ hasText: key.appId })).toHaveCount(0);
  await row.page().goto('/audit-log?target=' + key.appId);
  await expect(page.getByRole('row').filter({ hasText: 'Key marked reviewed' })).toHaveCount(1);
});
