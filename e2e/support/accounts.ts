import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import type { Role } from '../../contract/roles';

export const ROOT = { email: 'root@keyward.example', password: 'root password for e2e tests' };
export const PASSWORD = 'a password for e2e accounts';

/** A Console API client signed in as Root, sending what the server requires of the SPA. */
export async function rootApi(baseURL: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { origin: baseURL, 'x-keyward-csrf': '1' },
  });
  const signIn = await api.post('/api/console/session', { data: ROOT });
  expect(signIn.status()).toBe(200);
  return api;
}

let counter = 0;

/** A unique email, so that tests never collide on the one server they share. */
export function uniqueEmail(role: string): string {
  return `${role.replace('_', '-')}-${Date.now()}-${++counter}@keyward.example`;
}

/** Creates an account through the API. */
export async function createAccount(baseURL: string, role: Exclude<Role, 'root'>, name?: string) {
  const api = await rootApi(baseURL);
  const email = uniqueEmail(role);
  const response = await api.post('/api/console/users', { data: { email, role, password: PASSWORD, name } });
  expect(response.status()).toBe(201);
  await api.dispose();
  return { email, password: PASSWORD, name: name ?? email };
}

export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(account.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Deployments' })).toBeVisible();
}
