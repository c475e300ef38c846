import type { Server } from 'node:http';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import Provider from 'oidc-provider';
import { freePort } from './child-server';

export const OIDC_CLIENT = { id: 'keyward', secret: 'oidc-test-client-secret-0123456789' };

export interface OidcAccount {
  email: string;
  email_verified: boolean;
  name?: string;
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1, with its development login page
 * (any login name that `accounts` knows, any password). `tamperIdToken` re-signs the ID token the
 * token endpoint answers with the provider's own key, changed: a provider that lies.
 */
export async function startOidcProvider(redirectUris: string[], accounts: Record<string, OidcAccount>) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  let tamper: ((claims: JWTPayload) => JWTPayload) | undefined;
  const provider = new Provider(issuer, {
    clients: [{ client_id: OIDC_CLIENT.id, client_secret: OIDC_CLIENT.secret, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [jwk] },
    findAccount: (_ctx: unknown, id: string) => (accounts[id] ? { accountId: id, claims: () => ({ sub: id, ...accounts[id] }) } : undefined),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    cookies: { keys: ['oidc-test-cookie-key'] },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (tamper && ctx.path === '/token' && body?.id_token) {
      const claims = tamper(decodeJwt(body.id_token));
      ctx.body = { ...body, id_token: await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(privateKey) };
    }
  });
  const server = await new Promise<Server>((resolve) => {
    const listening: Server = provider.listen(port, '127.0.0.1', () => resolve(listening));
  });
  return {
    issuer,
    tamperIdToken: (change: ((claims: JWTPayload) => JWTPayload) | undefined) => void (tamper = change),
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/**
 * A person at the provider's development login page: signs in as `login` and consents, following
 * redirects with the provider's cookies, until the provider sends the browser back to Keyward.
 * Answers that address (with code and state).
 */
export async function signInAtProvider(authorizationUrl: string, login: string, redirectUri: string): Promise<URL> {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 12; hop++) {
    if (url.href.startsWith(redirectUri)) return url;
    let response = await fetch(url, { redirect: 'manual', headers: { cookie: cookie() } });
    remember(response);
    if (response.status === 200) {
      // An interaction page: the login form, then the consent form.
      const page = await response.text();
      const action = /action="([^"]+)"/.exec(page)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1];
      if (!action || !prompt) throw new Error(`unexpected provider page: ${page.slice(0, 200)}`);
      const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'anything' } : { prompt });
      response = await fetch(new URL(action, url), { method: 'POST', redirect: 'manual', headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, body: form });
      remember(response);
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} without a redirect`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects at the provider');
}
