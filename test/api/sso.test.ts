import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_HOST } from '../support/console-client';
import { OIDC_CLIENT, signInAtProvider, startOidcProvider } from '../support/oidc';
import { DEFAULT_REAUTHENTICATION_MS } from '../../server/config';
import { useTestApp, type TestContext } from '../support/test-app';

const REDIRECT_URI = `http://${TEST_HOST}/api/console/sso/callback`;
const ACCOUNTS = {
  newbie: { email: 'newbie@example.com', email_verified: true, name: 'New Bie' },
  alice: { email: 'Alice@Example.com', email_verified: true },
  unverified: { email: 'unverified@example.com', email_verified: false },
  outsider: { email: 'someone@other.org', email_verified: true },
  root: { email: 'root@example.com', email_verified: true },
};

let provider: Awaited<ReturnType<typeof startOidcProvider>>;
beforeAll(async () => {
  provider = await startOidcProvider([REDIRECT_URI], ACCOUNTS);
});
afterAll(() => provider.close());

/** A browser through "Sign in with SSO": Keyward, the provider's login page, and back. */
async function ssoSignIn(t: TestContext, login: keyof typeof ACCOUNTS, options: { state?: (state: string) => string } = {}) {
  const start = await t.app.inject({ method: 'GET', url: '/api/console/sso/start', headers: { host: TEST_HOST } });
  expect(start.statusCode).toBe(302);
  const state = start.cookies.find((cookie) => cookie.name === 'keyward_sso')!.value;
  const back = await signInAtProvider(String(start.headers.location), login, REDIRECT_URI);
  const bound = options.state ? options.state(state) : state;
  const callback = () => t.app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { host: TEST_HOST, cookie: `keyward_sso=${bound}` } });
  const done = await callback();
  const session = done.cookies.find((cookie) => cookie.name === 'keyward_session')?.value;
  const client = t.client();
  client.cookie = session;
  return { location: String(done.headers.location), status: done.statusCode, session, client, again: callback };
}

describe('single sign-on with an OpenID Connect provider', () => {
  const t = useTestApp({});

  async function configured(extra: Record<string, unknown> = {}) {
    const root = await t.setupRoot();
    t.logs.rememberSecret(OIDC_CLIENT.secret);
    const saved = await root.put('/api/console/settings/sso', {
      issuer: provider.issuer,
      clientId: OIDC_CLIENT.id,
      clientSecret: OIDC_CLIENT.secret,
      allowedDomains: ['example.com'],
      defaultRole: 'project_user',
      ssoOnly: false,
      ...extra,
    });
    expect(saved.status).toBe(200);
    return { root, saved: saved.body };
  }

  it('is configured by Root and Administrators, shows no secret back, and checks the issuer answers', async () => {
    const anonymous = t.client();
    const { root, saved } = await configured();
    expect(saved).toEqual({
      configured: true,
      issuer: provider.issuer,
      clientId: OIDC_CLIENT.id,
      hasClientSecret: true,
      allowedDomains: ['example.com'],
      defaultRole: 'project_user',
      ssoOnly: false,
      redirectUri: REDIRECT_URI,
    });
    expect((await anonymous.get('/api/console/sso')).body).toEqual({ enabled: true });
    // The secret stays when left out; a Project Administrator may not look.
    const { client: projectAdmin } = await t.signedInAs('project_admin', root);
    const { configured: _c, hasClientSecret: _h, redirectUri: _r, ...request } = saved;
    expect((await root.put('/api/console/settings/sso', { ...request, allowedDomains: ['example.com', 'example.org'] })).body.allowedDomains).toEqual(['example.com', 'example.org']);
    expect((await projectAdmin.get('/api/console/settings/sso')).status).toBe(403);
    expect((await root.put('/api/console/settings/sso', { ...request, defaultRole: 'root' })).status).toBe(422);
    const unreachable = await root.put('/api/console/settings/sso', { ...request, issuer: 'http://127.0.0.1:9/' });
    expect(unreachable.status).toBe(422);
    expect(unreachable.body.code).toBe('SSO_ISSUER_UNREACHABLE');
    const audit = await root.get('/api/console/audit-events?action=settings.sso');
    expect(JSON.stringify(audit.body)).not.toContain(OIDC_CLIENT.secret);
    expect(audit.body.events).toHaveLength(2);
  });

  it('signs in a verified email, making the account with the default role the first time', async () => {
    const { root } = await configured();
    const first = await ssoSignIn(t, 'newbie');
    expect(first).toMatchObject({ status: 303, location: '/' });
    const me = await first.client.get('/api/console/session');
    expect(me.body.user).toMatchObject({ email: 'newbie@example.com', name: 'New Bie', role: 'project_user' });
    const created = await root.get('/api/console/audit-events?action=user.create');
    expect(created.body.events[0]).toMatchObject({ actorType: 'system', targetLabel: 'newbie@example.com', details: { role: 'project_user', via: 'sso' } });
    expect(created.body.events[0].actorLabel).toContain('single sign-on');

    // An account that exists keeps its role; the email matches whatever its case.
    await root.post('/api/console/users', { email: 'alice@example.com', role: 'auditor', password: 'a long enough password 1' });
    const alice = await ssoSignIn(t, 'alice');
    expect((await alice.client.get('/api/console/session')).body.user).toMatchObject({ email: 'alice@example.com', role: 'auditor' });
    // A second sign-in by the same person finds the same account.
    expect((await (await ssoSignIn(t, 'newbie')).client.get('/api/console/session')).body.user.id).toBe(me.body.user.id);
  });

  it.each([
    ['a state from another browser', 'newbie', { state: (): string => 'not-the-state' }, 'state'],
    ['no state cookie', 'newbie', { state: (): string => '' }, 'state'],
    ['an unverified email', 'unverified', {}, 'email_unverified'],
    ['an email outside the allowed domains', 'outsider', {}, 'domain_not_allowed'],
    ['the Root account', 'root', {}, 'root_not_allowed'],
  ] as const)('refuses %s, and signs nobody in', async (_what, login, options, reason) => {
    await configured();
    const refused = await ssoSignIn(t, login, options);
    expect(refused).toMatchObject({ status: 303, location: `/?sso_error=${reason}`, session: undefined });
  });

  it.each([
    ['a wrong nonce', (claims: Record<string, unknown>) => ({ ...claims, nonce: 'someone-elses-nonce' })],
    ['a wrong audience', (claims: Record<string, unknown>) => ({ ...claims, aud: 'another-client' })],
    ['a wrong issuer', (claims: Record<string, unknown>) => ({ ...claims, iss: 'http://127.0.0.1:1' })],
    ['an expired token', (claims: Record<string, unknown>) => ({ ...claims, exp: Math.floor(Date.now() / 1000) - 3600 })],
  ])('refuses an ID token with %s', async (_what, change) => {
    await configured();
    provider.tamperIdToken(change);
    try {
      expect(await ssoSignIn(t, 'newbie')).toMatchObject({ location: '/?sso_error=failed', session: undefined });
    } finally {
      provider.tamperIdToken(undefined);
    }
  });

  it('accepts the same ID token re-signed unchanged (so the refusals above are about what changed)', async () => {
    await configured();
    provider.tamperIdToken((claims) => claims);
    try {
      expect((await ssoSignIn(t, 'newbie')).location).toBe('/');
    } finally {
      provider.tamperIdToken(undefined);
    }
  });

  it('uses each answer once', async () => {
    await configured();
    const signedIn = await ssoSignIn(t, 'newbie');
    expect(signedIn.session).toBeDefined();
    const replayed = await signedIn.again();
    expect(replayed.headers.location).toBe('/?sso_error=state');
  });

  it('"SSO only" closes password sign-in to everyone but Root', async () => {
    const { root } = await configured();
    await root.post('/api/console/users', { email: 'pw@example.com', role: 'admin', password: 'a long enough password 1' });
    await root.put('/api/console/settings/sso', { issuer: provider.issuer, clientId: OIDC_CLIENT.id, allowedDomains: [], defaultRole: 'project_user', ssoOnly: true });
    const refused = await t.client().signIn('pw@example.com', 'a long enough password 1');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('SSO_REQUIRED');
    expect((await t.client().signIn('root@example.com', 'correct horse battery staple')).status).toBe(200);
    expect((await root.request('DELETE', '/api/console/settings/sso')).status).toBe(204);
    expect((await t.client().signIn('pw@example.com', 'a long enough password 1')).status).toBe(200);
    expect((await t.client().get('/api/console/sso')).body).toEqual({ enabled: false });
  });

  it("confirms it's the signed-in account through the provider, for that session only", async () => {
    await configured();
    const { client, session } = await ssoSignIn(t, 'newbie');
    t.clock.advance(DEFAULT_REAUTHENTICATION_MS + 1_000);
    expect((await client.post('/api/console/account/totp')).body.code).toBe('REAUTH_REQUIRED');
    expect((await client.get('/api/console/account/reauthentication')).body.methods).toEqual(['password', 'sso']);

    const confirmAs = async (login: keyof typeof ACCOUNTS) => {
      const start = await t.app.inject({ method: 'GET', url: '/api/console/sso/reauthenticate?return=/security', headers: { host: TEST_HOST, cookie: `keyward_session=${session}` } });
      expect(start.statusCode).toBe(302);
      const location = new URL(String(start.headers.location));
      // The provider is asked to sign the person in again, not to pass a standing session.
      expect(location.searchParams.get('prompt')).toBe('login');
      expect(location.searchParams.get('max_age')).toBe('0');
      const cookies = start.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
      const back = await signInAtProvider(location.href, login, REDIRECT_URI);
      const done = await t.app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { host: TEST_HOST, cookie: `${cookies}; keyward_session=${session}` } });
      return { status: done.statusCode, location: String(done.headers.location), newSession: done.cookies.some((cookie) => cookie.name === 'keyward_session' && cookie.value) };
    };
    // Someone else at the provider confirms nothing, and opens no session.
    expect(await confirmAs('alice')).toEqual({ status: 303, location: '/?sso_error=failed', newSession: false });
    expect((await client.post('/api/console/account/totp')).body.code).toBe('REAUTH_REQUIRED');
    expect(await confirmAs('newbie')).toEqual({ status: 303, location: '/security', newSession: false });
    expect((await client.post('/api/console/account/totp')).status).toBe(200);
  });

  it('"SSO only" confirms through the provider, never with a password', async () => {
    const { root } = await configured();
    await root.post('/api/console/users', { email: 'pw2@example.com', role: 'admin', password: 'a long enough password 1' });
    const admin = t.client();
    expect((await admin.signIn('pw2@example.com', 'a long enough password 1')).status).toBe(200);
    await root.put('/api/console/settings/sso', { issuer: provider.issuer, clientId: OIDC_CLIENT.id, allowedDomains: [], defaultRole: 'project_user', ssoOnly: true });
    expect((await admin.get('/api/console/account/reauthentication')).body.methods).toEqual(['sso']);
    const refused = await admin.post('/api/console/account/reauthentication', { method: 'password', password: 'a long enough password 1' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('SSO_REQUIRED');
  });
});

describe('the identity provider obeys the outbound policy (KEYWARD_UPSTREAM_ALLOW unset)', () => {
  const t = useTestApp({ upstreamAllow: null });

  it.each(['provider on loopback', 'cloud metadata'])('refuses an issuer at a %s', async (what) => {
    const root = await t.setupRoot();
    const issuer = what === 'cloud metadata' ? 'http://169.254.169.254/latest' : provider.issuer;
    const refused = await root.put('/api/console/settings/sso', { issuer, clientId: OIDC_CLIENT.id, clientSecret: OIDC_CLIENT.secret, allowedDomains: [], defaultRole: 'project_user', ssoOnly: false });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'SSO_ISSUER_NOT_ALLOWED', details: [{ path: 'issuer' }] });
    expect((await root.get('/api/console/settings/sso')).body.configured).toBe(false);
  });
});
