import { expect, test } from './support/test';
import { OIDC_CLIENT, startOidcProvider } from '../test/support/oidc';
import { ROOT, rootApi, signIn } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';

test('"Sign in with SSO" goes through the provider\'s own login page and back, signed in', async ({ page, baseURL }) => {
  const login = `sso-${Date.now()}`;
  const email = `${login}@sso.example`;
  const provider = await startOidcProvider([`${baseURL}/api/console/sso/callback`], { [login]: { email, email_verified: true, name: 'Sam Sso' } });
  const api = await rootApi(baseURL!);
  try {
    // Set up on Settings as an Administrator would.
    await signIn(page, ROOT);
    await page.goto('/settings');
    const card = page.getByRole('region', { name: 'Single sign-on (OpenID Connect)' });
    await expect(card.getByRole('textbox', { name: 'Redirect URI' })).toHaveValue(`${baseURL}/api/console/sso/callback`);
    await card.getByRole('textbox', { name: 'Issuer URL' }).fill(provider.issuer);
    await card.getByRole('textbox', { name: 'Client ID' }).fill(OIDC_CLIENT.id);
    await card.getByLabel('Client secret').fill(OIDC_CLIENT.secret);
    await card.getByRole('textbox', { name: 'Allowed email domains' }).fill('sso.example');
    await card.getByRole('combobox', { name: 'Role for new accounts' }).selectOption('auditor');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect(card.getByLabel('Client secret')).toHaveAttribute('placeholder', 'Saved. Leave empty to keep it.');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: ROOT.email }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();

    await page.getByRole('link', { name: 'Sign in with SSO' }).click();
    // The provider's page, not Keyward's.
    await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Deployments' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Sam Sso/ })).toContainText('Auditor');
  } finally {
    // Every other test signs in with a password, on a sign-in page without SSO.
    await api.delete('/api/console/settings/sso');
    await api.dispose();
    await provider.close();
  }
});
