import { expect, test } from './support/test';
import { days, makeCa, makeLeaf } from '../test/support/certificates';
import { ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';

test('upload, inspect, and delete a TLS certificate on the Deployment Overview', async ({ page, baseURL }) => {
  const api = await rootApi(baseURL!);
  const projects = await (await api.get('/api/console/projects')).json();
  const deployment = await (
    await api.post('/api/console/deployments', {
      data: { name: `tls-${Date.now()}`, projectId: projects.projects[0].id, type: 'dedicated_v5', emqxVersion: '5.8.9', region: 'us-east-1' },
    })
  ).json();
  await api.dispose();
  const ca = await makeCa();
  const leaf = await makeLeaf(ca, { cn: 'broker.acme.io', dns: ['broker.acme.io'], to: days(20) });

  await signIn(page, ROOT);
  await page.goto(`/deployments/${deployment.id}`);
  const section = page.getByRole('region', { name: 'TLS Certificate' });
  await section.getByRole('button', { name: 'Upload certificate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upload certificate' });
  await dialog.getByRole('textbox', { name: 'Certificate (PEM)' }).fill(leaf.cert);
  await dialog.getByRole('textbox', { name: 'Private key (PEM)' }).fill((await makeLeaf(ca)).key);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('does not match');

  await dialog.getByRole('textbox', { name: 'Private key (PEM)' }).fill(leaf.key);
  await expectNoSeriousA11yViolations(page, '[role="dialog"]');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(section).toContainText('CN=broker.acme.io');
  await expect(section).toContainText('DNS:broker.acme.io');
  await expect(section.getByText('Expires within 30 days')).toBeVisible();

  await section.getByRole('button', { name: 'Delete certificate' }).click();
  await page.getByRole('dialog', { name: 'Delete certificate' }).getByRole('button', { name: 'Delete' }).click();
  await expect(section).toContainText('No TLS certificate yet');
});
