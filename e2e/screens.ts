import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ROOT, rootApi, signIn } from './support/accounts';

/**
 * `npm run screens`: every page of the console at 1280x720 and on a 390x844 phone, written to
 * docs/screens/ for the README, with a few deployments and keys that are expiring, disabled,
 * labelled and in use. Not part of `npm test`.
 */
const OUT = 'docs/screens';
const DAY = 86_400_000;

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  for (const [size, viewport] of [
    ['desktop', { width: 1280, height: 720 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(300); // layout settles after a resize
    await page.screenshot({ path: `${OUT}/${name}-${size}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('screens of every page', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  mkdirSync(OUT, { recursive: true });
  const api = await rootApi(baseURL!);
  await api.put('/api/console/settings/key-policy', { data: { maxKeyLifetimeDays: 366, allowNeverExpiring: false } });
  const projectId = (await (await api.get('/api/console/projects')).json()).projects[0].id as string;
  const deployment = await (
    await api.post('/api/console/deployments', { data: { name: 'fleet-eu', projectId, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' } })
  ).json();
  await api.post('/api/console/deployments', { data: { name: 'edge-lab', projectId, type: 'serverless', emqxVersion: '5.8.9', region: 'us-east-1' } });
  const grants = [
    { method: 'GET', path: '/clients' },
    { method: 'GET', path: '/clients/{clientid}' },
    { method: 'DELETE', path: '/clients/{clientid}' },
    { method: 'POST', path: '/publish' },
  ];
  const key = async (note: string, extra: object) =>
    (await api.post(`/api/console/deployments/${deployment.id}/keys`, { data: { note, permissions: grants, ...extra } })).json();
  const dashboard = await key('Fleet dashboard', { labels: { team: 'ops', env: 'prod' } });
  await key('Nightly export', { expiresAt: new Date(Date.now() + 3 * DAY).toISOString(), labels: { team: 'data' } });
  const retired = await key('Old integration', {});
  await api.patch(`/api/console/deployments/${deployment.id}/keys/${retired.id}/lifecycle`, { data: { disabled: true } });
  await api.post('/api/console/platform-keys', { data: { note: 'Terraform', scopes: ['deployment_management', 'tls_certificate_management'], projectIds: null } });
  await api.dispose();

  await signIn(page, ROOT);
  const pages: [string, string][] = [
    ['deployments', '/deployments'],
    ['deployment', `/deployments/${deployment.id}`],
    ['key', `/keys/${dashboard.id}`],
    ['api-keys', '/api-keys'],
    ['platform-api-keys', '/platform-api-keys'],
    ['projects', '/projects'],
    ['users', '/users'],
    ['key-review', '/key-review'],
    ['audit-log', '/audit-log'],
    ['find-key', '/find-key'],
    ['settings', '/settings'],
    ['security', '/security'],
  ];
  for (const [name, path] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await shoot(page, name);
  }
  // The picker, in the key dialog.
  await page.goto(`/deployments/${deployment.id}`);
  await page.getByRole('button', { name: '+ New API Key' }).click();
  await page.getByRole('dialog', { name: 'New API Key' }).getByRole('searchbox', { name: 'Search APIs' }).fill('clients');
  await shoot(page, 'picker');
  await page.keyboard.press('Escape');
  // One audit entry, whole, in its side panel.
  await page.goto('/audit-log');
  await page.getByRole('button', { name: /^Open the entry / }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await shoot(page, 'audit-entry');
});
