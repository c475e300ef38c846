import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';
import { ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';

async function deploymentWithKeys(api: APIRequestContext, name: string, notes: string[]) {
  const projects = await (await api.get('/api/console/projects')).json();
  const deployment = await (
    await api.post('/api/console/deployments', {
      data: { name, projectId: projects.projects[0].id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' },
    })
  ).json();
  const appIds: string[] = [];
  for (const note of notes) {
    const key = await api.post(`/api/console/deployments/${deployment.id}/keys`, {
      data: { note, permissions: [{ method: 'GET', path: '/clients' }, { method: 'POST', path: '/publish' }] },
    });
    appIds.push((await key.json()).appId);
  }
  return { id: deployment.id as string, appIds };
}

test('API Keys: one inventory across deployments with search and filters, a Platform tab, and key counts on Deployments', async ({ page, baseURL }) => {
  const stamp = Date.now();
  const api = await rootApi(baseURL!);
  const north = await deploymentWithKeys(api, `north-${stamp}`, [`north dashboard ${stamp}`, `north ingest ${stamp}`]);
  const south = await deploymentWithKeys(api, `south-${stamp}`, [`south dashboard ${stamp}`]);
  await api.dispose();

  await signIn(page, ROOT);
  await expect(page.getByRole('row').filter({ hasText: `north-${stamp}` })).toContainText('2');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'API Keys' }).click();
  await expect(page.getByRole('heading', { name: 'API Keys', level: 1 })).toBeVisible();
  const tabs = page.getByRole('navigation', { name: 'API key lists' });
  await expect(tabs.getByRole('link', { name: 'Deployment API Keys' })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('searchbox', { name: 'Search' }).fill(`dashboard ${stamp}`);
  const rows = page.getByRole('row').filter({ hasText: `${stamp}` });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: north.appIds[0]! })).toContainText(`north-${stamp}`);
  // Its access in words, from its deployment type's catalog.
  await expect(rows.filter({ hasText: north.appIds[0]! })).toContainText('Clients: read');
  await expect(rows.filter({ hasText: north.appIds[0]! })).toContainText('Publish: create');
  await page.getByRole('combobox', { name: 'Deployment' }).selectOption({ label: `south-${stamp} (${south.id})` });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(south.appIds[0]!);
  await expectNoSeriousA11yViolations(page);
  await rows.getByRole('link', { name: `south-${stamp}` }).click();
  await expect(page).toHaveURL(new RegExp(`/deployments/${south.id}$`));

  await page.goto('/api-keys');
  await tabs.getByRole('link', { name: 'Platform API Keys' }).click();
  await expect(page).toHaveURL(/\/platform-api-keys$/);
  await expect(tabs.getByRole('link', { name: 'Platform API Keys' })).toHaveAttribute('aria-current', 'page');
});

test('at 390 px key lists become cards with labelled facts, and nothing scrolls sideways', async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  const deployment = await deploymentWithKeys(api, `narrow-${Date.now()}`, ['phone view']);
  await api.dispose();
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ROOT);
  for (const address of [`/deployments/${deployment.id}`, '/api-keys', '/platform-api-keys', '/audit-log']) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow, `${address} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.goto(`/deployments/${deployment.id}`);
  // The endpoint's Copy button stays whole on screen: the URL wraps instead.
  const copy = await page.getByRole('button', { name: 'Copy API endpoint' }).boundingBox();
  expect(copy!.x + copy!.width).toBeLessThanOrEqual(390);
  const card = page.getByRole('row').filter({ hasText: deployment.appIds[0]! });
  // Each fact carries its column's heading, and the row menu is there.
  await expect(card.locator('td[data-label="Note"]')).toHaveText(/phone view/);
  await expect(card.getByRole('button', { name: `Actions for ${deployment.appIds[0]}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
