import { request as playwrightRequest } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { addVirtualAuthenticator, appCode } from './support/factors';
import { startOwnServer } from './support/own-server';

/**
 * "Confirm it's you" on a server of its own whose sessions go stale after 6 seconds
 * (KEYWARD_REAUTH_MINUTES=0.1), so a stale session can be had without changing the shared one's.
 */
const ROOT = { email: 'root@reauth.example', password: 'root password for reauthentication' };
const USER = { email: 'owner@reauth.example', password: 'owner password for reauthentication' };
let server: Awaited<ReturnType<typeof startOwnServer>>;
let site = '';


test.beforeAll(async () => {
  server = await startOwnServer(ROOT, { KEYWARD_REAUTH_MINUTES: '0.1' });
  // WebAuthn takes no IP address as the site's name.
  site = `http://localhost:${server.port}`;
});
test.afterAll(() => server.stop());

/** An account with an authenticator app, set up through the API right after signing in. */
async function accountWithAuthenticator(): Promise<string> {
  const api = async (account: { email: string; password: string }) => {
    const context = await playwrightRequest.newContext({ baseURL: site, extraHTTPHeaders: { origin: site, 'x-keyward-csrf': '1' } });
    expect((await context.post('/api/console/session', { data: account })).status()).toBe(200);
    return context;
  };
  const root = await api(ROOT);
  expect((await root.post('/api/console/users', { data: { ...USER, role: 'admin', name: 'Olive Owner' } })).status()).toBe(201);
  await root.dispose();
  const owner = await api(USER);
  const { secret } = (await (await owner.post('/api/console/account/totp')).json()) as { secret: string };
  expect((await owner.post('/api/console/account/totp/confirm', { data: { code: appCode(secret) } })).status()).toBe(200);
  await owner.dispose();
  return secret;
}

test("a stale session is asked to confirm it's them before adding a passkey; cancelling adds nothing", async ({ page }) => {
  const secret = await accountWithAuthenticator();
  await addVirtualAuthenticator(page);

  await page.goto(`${site}/`);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(USER.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(USER.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The setup's code spent this step: the next one (one step of drift is accepted).
  await page.getByRole('textbox', { name: 'Authentication code' }).fill(appCode(secret, 1));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Deployments' })).toBeVisible();
  await page.goto(`${site}/security`);
  // Until the server itself says this sign-in is no longer recent enough.
  await expect
    .poll(async () => ((await (await page.request.get(`${site}/api/console/account/reauthentication`)).json()) as { freshUntil: string | null }).freshUntil, {
      timeout: 20_000,
    })
    .toBeNull();

  const addPasskey = async () => {
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    const add = page.getByRole('dialog', { name: 'Add a passkey' });
    await add.getByRole('textbox', { name: 'Name' }).fill('Desk key');
    await add.getByRole('button', { name: 'Add a passkey' }).click();
    return add;
  };
  const confirm = page.getByRole('dialog', { name: "Confirm it's you" });

  const add = await addPasskey();
  await expect(confirm).toBeVisible();
  await expectNoSeriousA11yViolations(page, '[role="dialog"]');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(add.getByRole('alert')).toContainText("Confirm it's you");
  await add.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('list', { name: 'Passkeys and security keys' })).toHaveCount(0);

  await addPasskey();
  await expect(confirm).toBeVisible();
  // A wrong password is said so, in the dialog; the right one goes on with the passkey.
  await confirm.getByRole('textbox', { name: 'Password' }).fill('not the password at all');
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  await expect(confirm.getByRole('alert')).toContainText('That password is not right.');
  await expect(confirm.getByRole('button', { name: 'Use your authenticator app or a recovery code instead' })).toBeVisible();
  await confirm.getByRole('textbox', { name: 'Password' }).fill(USER.password);
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Passkeys and security keys' })).toContainText('Desk key');
  await expect(page.getByRole('list', { name: 'Passkeys and security keys' })).toContainText('from 127.0.0.1');
  await expectNoSeriousA11yViolations(page);
});
