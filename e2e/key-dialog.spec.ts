import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { keyAction } from './support/keys';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function deploymentWithKey(api: APIRequestContext) {
  const projects = await (await api.get('/api/console/projects')).json();
  const deployment = await api.post('/api/console/deployments', {
    data: { name: `dialog-${Date.now()}`, projectId: projects.projects[0].id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' },
  });
  const deploymentId = (await deployment.json()).id as string;
  const key = await api.post(`/api/console/deployments/${deploymentId}/keys`, {
    data: { note: 'source key', permissions: [{ method: 'GET', path: '/clients' }, { method: 'GET', path: '/clients/{clientid}' }] },
  });
  return { deploymentId, source: (await key.json()) as { id: string; appId: string } };
}

const summary = (page: Page) => page.getByRole('dialog', { name: /API Key/ }).getByRole('status').first();

test('the key dialog: presets, category method cells, a mass grant asked once, a sticky footer at 1280x720, Test access', async ({ page, baseURL }) => {
  test.setTimeout(120_000); // the picker with every row open is the heaviest screen there is
  await page.setViewportSize({ width: 1280, height: 720 });
  const api = await rootApi(baseURL!);
  const { deploymentId, source } = await deploymentWithKey(api);
  await api.dispose();
  await signIn(page, ROOT);
  await page.goto(`/deployments/${deploymentId}`);
  await page.getByRole('region', { name: 'Deployment API Key' }).getByRole('button', { name: '+ New API Key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API Key' });
  await expect(dialog.getByRole('heading', { name: 'API Permissions', level: 3 })).toBeVisible();

  await test.step('presets: Read-only, Copy from key, Clear', async () => {
    await dialog.getByRole('button', { name: 'Read-only' }).click();
    // Read-only: every grant a GET, and the summary says so.
    await expect(summary(page)).toHaveText(/^\d{2,} permissions in \d+ categories \(GET \d{2,}\)$/);
    await dialog.getByRole('switch', { name: 'Show selected only' }).click();
    await expect(dialog.getByRole('checkbox', { name: 'GET /clients', exact: true })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: 'DELETE /clients/{clientid}', exact: true })).not.toBeChecked();
    await dialog.getByRole('switch', { name: 'Show selected only' }).click();
    await dialog.getByRole('button', { name: 'Copy from key…' }).click();
    await page.getByRole('menuitem', { name: `source key · ${source.appId}` }).click();
    await expect(summary(page)).toHaveText(/^2 permissions in 1 category \(/);
    await dialog.getByRole('button', { name: 'Clear' }).click();
    await expect(summary(page)).toHaveText('0 permissions in 0 categories');
    await expectNoSeriousA11yViolations(page, '[role="dialog"]');
  });

  await test.step('category rows have their own method cells; unsupported methods show a dash', async () => {
    await dialog.getByRole('searchbox', { name: 'Search APIs' }).fill('/clients');
    await dialog.getByRole('checkbox', { name: 'DELETE Clients', exact: true }).check();
    await expect(dialog.getByRole('checkbox', { name: 'DELETE /clients/{clientid}', exact: true })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: 'GET /clients/{clientid}', exact: true })).not.toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: 'PUT /clients', exact: true })).toHaveCount(0);
    await expect(dialog.getByRole('img', { name: 'Not supported by this endpoint' }).first()).toBeVisible();
  });

  await test.step('Test access answers allow or deny with the grant, as the gateway would', async () => {
    await dialog.getByRole('button', { name: 'Test access' }).click();
    const call = page.getByRole('textbox', { name: 'Method and path' });
    await call.fill('DELETE /clients/sensor%201');
    await call.press('Enter');
    const answer = page.getByRole('dialog').getByRole('status').filter({ hasText: /Allowed|Denied|Refused/ });
    await expect(answer).toContainText('Allowed');
    await expect(answer).toContainText('Forwarded as /api/v5/clients/sensor%201');
    await expect(answer).toContainText('Allowed by DELETE /clients/{clientid}.');
    await call.fill('GET /clients/abc');
    await call.press('Enter');
    await expect(answer).toContainText('Denied');
    await call.fill('DELETE /clients/../users/admin');
    await call.press('Enter');
    await expect(answer).toContainText('Refused path');
    await expect(answer).toContainText('"." or ".." segment');
    await call.press('Escape');
  });

  await test.step('one click adding 20 or more grants asks once, saying how many', async () => {
    await dialog.getByRole('searchbox', { name: 'Search APIs' }).fill('');
    // The column box acts on the rows on screen: wait until the list shows every category again
    // (the filter renders deferred), or the click grants GET on the old search's few rows.
    await expect(dialog.getByText(/APIs? match/)).toHaveCount(0);
    // The click asks first: the box stays as it was until the answer.
    await dialog.getByRole('checkbox', { name: 'GET', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'Grant many permissions?' });
    await expect(ask).toContainText(/This adds \d+ permissions at once/);
    await ask.getByRole('button', { name: /^Grant \d+ permissions$/ }).click();
    for (const method of ['POST', 'PUT', 'DELETE']) await dialog.getByRole('checkbox', { name: method, exact: true }).check();
    await expect(ask).toBeHidden();
  });

  await test.step('with every permission ticked and every row open, the footer stays on screen', async () => {
    // Any search expands every category: the picker is as long as it gets.
    await dialog.getByRole('searchbox', { name: 'Search APIs' }).fill('/');
    await expect(dialog.getByRole('checkbox', { name: 'GET /clients', exact: true })).toBeChecked();
    await expect(summary(page)).toHaveText(/^\d{3,} permissions in \d+ categories \(GET \d+ · POST \d+ · PUT \d+ · DELETE \d+\)/);
    // Everything, so whole categories of POSTs and DELETEs: the summary warns.
    await expect(summary(page)).toContainText('Granted wholesale');
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeInViewport();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport();
    await expect(summary(page)).toBeInViewport();
  });

  await test.step('the secret copied with its button: closing does not ask', async () => {
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    const reveal = page.getByRole('dialog', { name: 'API Key created' });
    const secret = await reveal.getByRole('textbox', { name: 'App Secret' }).inputValue();
    await reveal.getByRole('button', { name: 'Copy App Secret' }).click();
    await expect(reveal.getByRole('button', { name: 'Copy App Secret' })).toHaveText('Copied');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    await reveal.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(reveal).toBeHidden();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});

test('editing a key shows what changes before Confirm, and the audit log keeps the same diff', async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  const { deploymentId, source } = await deploymentWithKey(api);
  await api.dispose();
  await signIn(page, ROOT);
  await page.goto(`/deployments/${deploymentId}`);
  await keyAction(page, source.appId, 'Edit');
  const dialog = page.getByRole('dialog', { name: `Edit API Key ${source.appId}` });
  await expect(dialog.getByText('No changes yet')).toBeVisible();
  await dialog.getByRole('searchbox', { name: 'Search APIs' }).fill('/clients');
  await dialog.getByRole('checkbox', { name: 'GET /clients', exact: true }).uncheck();
  await dialog.getByRole('checkbox', { name: 'DELETE /clients/{clientid}', exact: true }).check();
  await dialog.getByRole('checkbox', { name: 'POST /clients/{clientid}/subscribe', exact: true }).check();
  const changes = dialog.getByRole('button', { name: 'Changes: 2 added, 1 removed' });
  await expect(changes).toHaveText('+2 / −1');
  await changes.click();
  await expect(page.getByText('+ DELETE /clients/{clientid}')).toBeVisible();
  await expect(page.getByText('− GET /clients', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();

  await page.goto('/audit-log');
  const row = page.getByRole('row').filter({ hasText: source.appId }).filter({ hasText: 'Deployment API Key edited' }).first();
  await expect(row).toContainText('+ DELETE /clients/{clientid}');
  await expect(row).toContainText('− GET /clients');
});

test('on a 390x844 phone the picker is cards: one endpoint each, its method boxes named and in reach, the method row sticky', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const api = await rootApi(baseURL!);
  const { deploymentId } = await deploymentWithKey(api);
  await api.dispose();
  await signIn(page, ROOT);
  await page.goto(`/deployments/${deploymentId}`);
  await page.getByRole('region', { name: 'Deployment API Key' }).getByRole('button', { name: '+ New API Key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API Key' });
  await dialog.getByRole('searchbox', { name: 'Search APIs' }).fill('/clients');
  const box = dialog.getByRole('checkbox', { name: 'DELETE /clients/{clientid}', exact: true });
  await box.scrollIntoViewIfNeeded();
  // Nothing runs off the side: the dialog's body scrolls one way only, fields then cards.
  const scroller = dialog.locator('.kw-dialog-fill-body');
  expect(await scroller.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  // The endpoint's card: its path above, its boxes below, each written with its method, all on screen.
  const card = dialog.locator('.kw-picker-endpoint').filter({ has: page.getByRole('checkbox', { name: 'DELETE /clients/{clientid}', exact: true }) });
  await expect(card.locator('code')).toHaveText('/clients/{clientid}');
  await expect(card.locator('.kw-picker-cell-label')).toHaveText(['GET', 'DELETE']);
  const cardBox = (await card.boundingBox())!;
  expect(cardBox.x).toBeGreaterThanOrEqual(0);
  expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(390);
  // A tap on the method's name ticks its box.
  await card.getByText('DELETE', { exact: true }).click();
  await expect(box).toBeChecked();
  await expect(summary(page)).toHaveText(/^1 permission in 1 category/);
  // The per-method boxes stay on top while the cards scroll under them.
  await scroller.evaluate((element) => element.scrollBy(0, element.scrollHeight));
  const methodRow = dialog.locator('.kw-picker-table thead');
  const scrollerTop = (await scroller.boundingBox())!.y;
  expect(Math.abs((await methodRow.boundingBox())!.y - scrollerTop)).toBeLessThanOrEqual(2);
  await expect(methodRow.getByText('DELETE', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '[role="dialog"]');
});
