import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REAUTHENTICATION_MS } from '../../server/config';
import type { ConsoleClient } from '../support/console-client';
import { snapshotDatabase } from '../support/db-snapshot';
import { PASSWORD, ROOT_EMAIL, useTestApp } from '../support/test-app';
import { codeFor, enrol, TOTP_STEP } from '../support/two-factor';

const STALE = DEFAULT_REAUTHENTICATION_MS + 1_000;

/** The routes the issue names sensitive, at least: the registry must mark every one of them. */
const REQUIRED_SENSITIVE = [
  'POST /api/console/account/totp',
  'POST /api/console/account/totp/confirm',
  'DELETE /api/console/account/totp',
  'POST /api/console/account/passkeys/options',
  'POST /api/console/account/passkeys',
  'DELETE /api/console/account/passkeys/:id',
  'POST /api/console/account/recovery-codes',
  'POST /api/console/account/password',
  'DELETE /api/console/account/sessions/:id',
  'DELETE /api/console/account/sessions',
  'PUT /api/console/settings/two-factor-policy',
  'PUT /api/console/settings/sso',
  'DELETE /api/console/settings/sso',
  'POST /api/console/users/:id/reset-two-factor',
  'POST /api/console/platform-keys',
  'POST /api/console/platform-keys/:id/roll',
  'POST /api/console/keys/find-by-secret',
];
// These end the caller's own session when they succeed: asked last.
const SIGNS_OUT = new Set(['DELETE /api/console/account/sessions', 'DELETE /api/console/account/sessions/:id']);

type Method = Parameters<ConsoleClient['request']>[0];

describe("fresh re-authentication ('Confirm it's you')", () => {
  const t = useTestApp({});

  it('refuses every sensitive route of the registry to a stale session, changing nothing, and serves it once confirmed (property)', async () => {
    const root = await t.setupRoot();
    const sensitive = t.app.consoleRoutes.filter((route) => route.sensitive);
    expect(sensitive.map((route) => `${route.method} ${route.url}`)).toEqual(expect.arrayContaining(REQUIRED_SENSITIVE));
    expect(sensitive.every((route) => route.access !== 'public')).toBe(true);

    // A fresh sign-in counts: nothing is asked within the window.
    expect((await root.post('/api/console/keys/find-by-secret', { secret: 'nothing-like-a-key' })).status).toBe(200);
    t.clock.advance(STALE);
    const before = await snapshotDatabase(t.store.store);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...sensitive),
        fc.stringMatching(/^[A-Za-z0-9-]{1,36}$/),
        fc.option(fc.jsonValue(), { nil: undefined }),
        async (route, param, body) => {
          const url = route.url.replace(/:[A-Za-z_]+/g, param);
          const answer = await root.request(route.method as Method, url, body ?? {});
          expect(answer.status, `${route.method} ${url}`).toBe(403);
          expect(answer.body.code).toBe('REAUTH_REQUIRED');
        },
      ),
      { numRuns: 150 },
    );
    expect(await snapshotDatabase(t.store.store)).toBe(before);
    // Still signed in: only the sensitive changes wait.
    expect((await root.get('/api/console/deployments')).status).toBe(200);

    const status = await root.get('/api/console/account/reauthentication');
    expect(status.body).toEqual({ methods: ['password'], freshUntil: null });
    const wrong = await root.post('/api/console/account/reauthentication', { method: 'password', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('WRONG_PASSWORD');
    const confirmed = await root.post('/api/console/account/reauthentication', { method: 'password', password: PASSWORD });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.freshUntil).toBe(new Date(t.clock.now() + DEFAULT_REAUTHENTICATION_MS).toISOString());
    const ordered = [...sensitive.filter((route) => !SIGNS_OUT.has(`${route.method} ${route.url}`)), ...sensitive.filter((route) => SIGNS_OUT.has(`${route.method} ${route.url}`))];
    for (const route of ordered) {
      const url = route.url.replace(/:[A-Za-z_]+/g, '00000000-0000-4000-8000-000000000000');
      const answer = await root.request(route.method as Method, url, {});
      expect(answer.body?.code, `${route.method} ${url}`).not.toBe('REAUTH_REQUIRED');
    }
    const audit = await t.client();
    expect((await audit.signIn(ROOT_EMAIL, PASSWORD)).status).toBe(200);
    const events = (await audit.get('/api/console/audit-events?action=account.reauthenticate')).body.events;
    expect(events[0]).toMatchObject({ actorLabel: ROOT_EMAIL, details: { method: 'password' } });
  });

  it('is confirmed with an app code or a recovery code too, each good once', async () => {
    const { client, email } = await t.signedInAs('admin');
    const { secret, codes } = await enrol(t, client);
    t.clock.advance(STALE);
    expect((await client.post('/api/console/account/recovery-codes', { code: codeFor(t, secret) })).body.code).toBe('REAUTH_REQUIRED');
    expect((await client.get('/api/console/account/reauthentication')).body.methods).toEqual(['password', 'totp', 'recovery_code']);
    expect((await client.post('/api/console/account/reauthentication', { method: 'totp', code: codeFor(t, secret) })).status).toBe(200);
    // That step's code is spent, so the renewal takes the next one.
    t.clock.advance(TOTP_STEP);
    const renewed = await client.post('/api/console/account/recovery-codes', { code: codeFor(t, secret) });
    expect(renewed.status).toBe(200);
    for (const code of renewed.body.codes) t.logs.rememberSecret(code);
    t.clock.advance(STALE);
    expect((await client.post('/api/console/account/reauthentication', { method: 'recovery_code', code: renewed.body.codes[0] })).status).toBe(200);
    t.clock.advance(STALE);
    expect((await client.post('/api/console/account/reauthentication', { method: 'recovery_code', code: renewed.body.codes[0] })).status).toBe(401);
    // The codes from before the renewal are gone.
    expect((await client.post('/api/console/account/reauthentication', { method: 'recovery_code', code: codes[1] })).status).toBe(401);
    expect(email).toContain('@');
  });

  it('is refused to an account disabled since it signed in', async () => {
    const root = await t.setupRoot();
    const { client, id } = await t.signedInAs('admin', root);
    expect((await root.patch(`/api/console/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await client.post('/api/console/account/reauthentication', { method: 'password', password: PASSWORD })).status).toBe(401);
  });
});

describe('one attempt limiter for every secret', () => {
  const t = useTestApp({ perAccount: 5, perAddress: 20 });

  it('evaluates at most the limit of 50 parallel wrong codes on a re-authentication route', async () => {
    const { client } = await t.signedInAs('project_user');
    const { secret } = await enrol(t, client);
    const right = codeFor(t, secret);
    const wrongCode = (i: number) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => client.request('DELETE', '/api/console/account/totp', { code: wrongCode(i) })));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 422).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status !== 422).every((status) => status === 429)).toBe(true);
    expect(answers.find((answer) => answer.status === 429)!.headers['retry-after']).toMatch(/^\d+$/);
    // Even the right code waits now: nothing more is evaluated until the window moves on.
    expect((await client.request('DELETE', '/api/console/account/totp', { code: right })).status).toBe(429);
    expect((await client.get('/api/console/account/security')).body.totp).toBe(true);
  });

  it('evaluates at most the limit of 50 parallel wrong passwords on "Confirm it\'s you"', async () => {
    const { client } = await t.signedInAs('auditor');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => client.post('/api/console/account/reauthentication', { method: 'password', password: `wrong guess ${i}` })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status !== 401).every((status) => status === 429)).toBe(true);
  });

  it("keeps the second step's count when the password is entered again", async () => {
    const { client, email } = await t.signedInAs('accountant');
    const { secret } = await enrol(t, client);
    const guesser = t.client('198.51.100.7');
    expect((await guesser.signIn(email, PASSWORD)).status).toBe(401);
    for (let i = 0; i < 5; i++) {
      expect((await guesser.post('/api/console/session/second-factor', { method: 'recovery_code', code: `guess-${i}` })).status).toBe(401);
      // Typing the password again used to give the guesser five fresh tries.
      expect((await guesser.signIn(email, PASSWORD)).status).toBe(401);
    }
    expect((await guesser.post('/api/console/session/second-factor', { method: 'totp', code: codeFor(t, secret) })).status).toBe(429);
    // From another network the owner still gets in, within the account's own allowance.
    const owner = t.client('203.0.113.5');
    expect((await owner.signIn(email, PASSWORD)).status).toBe(401);
    expect((await owner.post('/api/console/session/second-factor', { method: 'totp', code: codeFor(t, secret) })).status).toBe(200);
  });

  it('makes an address known only after a complete sign-in, not after the password alone', async () => {
    const { client, email } = await t.signedInAs('admin');
    await enrol(t, client);
    // The attacker has the password, from 198.51.100.1, but not the second factor.
    const attacker = '198.51.100.1';
    expect((await t.client(attacker).signIn(email, PASSWORD)).status).toBe(401);
    // Five failures elsewhere: from now on, addresses the account never completed a sign-in from wait.
    for (let i = 0; i < 5; i++) expect((await t.client(`192.0.2.${i + 10}`).signIn(email, `wrong ${i}`)).status).toBe(401);
    expect((await t.client(attacker).signIn(email, PASSWORD)).status).toBe(429);
    // The owner's own address (where the account signed in fully) is never slowed.
    expect((await t.client().signIn(email, PASSWORD)).status).toBe(401);
  });

  it('limits an IPv6 client by its /64, however it spells its address', async () => {
    const limited = Array.from({ length: 20 }, (_, i) => `2001:db8:7:1::${(i + 1).toString(16)}`);
    for (const [i, address] of limited.entries()) expect((await t.client(address).signIn(`nobody-${i}@example.com`, 'wrong password')).status).toBe(401);
    expect((await t.client('2001:db8:7:1:ffff:ffff:ffff:ffff').signIn('another@example.com', 'wrong password')).status).toBe(429);
    expect((await t.client('2001:db8:7:2::1').signIn('another@example.com', 'wrong password')).status).toBe(401);
  });
});
