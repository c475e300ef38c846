import { describe, expect, it } from 'vitest';
import { TEST_HOST } from '../support/console-client';
import { PASSWORD, ROOT_EMAIL, useTestApp } from '../support/test-app';

describe('sign-in and sessions', () => {
  const t = useTestApp({ sessionIdleMs: 60 * 60_000, perAccount: 5, perAddress: 8 });

  it('signs in with the right password and out again', async () => {
    await t.setupRoot();
    const client = t.client();
    const signIn = await client.signIn(ROOT_EMAIL, PASSWORD);
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.email).toBe(ROOT_EMAIL);
    expect((await client.get('/api/console/session')).status).toBe(200);

    const cookie = client.cookie;
    const signOut = await client.delete('/api/console/session');
    expect(signOut.status).toBe(204);
    // The old id is dead on the server, not just forgotten by the browser.
    client.cookie = cookie;
    expect((await client.get('/api/console/session')).status).toBe(401);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    await t.setupRoot();
    const wrong = await t.client().signIn(ROOT_EMAIL, 'wrong password here');
    const unknown = await t.client().signIn('nobody@example.com', PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.message).not.toMatch(/exist|unknown|not found/i);
  });

  it('rotates the session id at sign-in and drops the one carried before', async () => {
    await t.setupRoot();
    const client = t.client();
    await client.signIn(ROOT_EMAIL, PASSWORD);
    const first = client.cookie;
    await client.signIn(ROOT_EMAIL, PASSWORD);
    const second = client.cookie;
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    client.cookie = first;
    expect((await client.get('/api/console/session')).status).toBe(401);
    client.cookie = second;
    expect((await client.get('/api/console/session')).status).toBe(200);
  });

  it('ends a session left idle longer than the limit, but keeps an active one alive', async () => {
    const root = await t.setupRoot();
    const idle = t.client();
    await idle.signIn(ROOT_EMAIL, PASSWORD);

    for (let i = 0; i < 4; i++) {
      t.clock.advance(20 * 60_000);
      expect((await root.get('/api/console/session')).status).toBe(200);
    }
    // 80 minutes in: the busy session lives on, the idle one (limit 60) has expired.
    expect((await idle.get('/api/console/session')).status).toBe(401);
    expect((await root.get('/api/console/session')).status).toBe(200);
  });

  it('rate limits failed sign-ins per account with 429 and Retry-After', async () => {
    await t.setupRoot();
    for (let i = 0; i < 5; i++) {
      expect((await t.client().signIn(ROOT_EMAIL, `wrong password ${i}`)).status).toBe(401);
    }
    const limited = await t.client().signIn(ROOT_EMAIL, PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');

    t.clock.advance(16 * 60_000);
    expect((await t.client().signIn(ROOT_EMAIL, PASSWORD)).status).toBe(200);
  });

  it('rate limits failed sign-ins per client address across emails', async () => {
    await t.setupRoot();
    for (let i = 0; i < 8; i++) {
      await t.client().signIn(`guess-${i}@example.com`, 'wrong password here');
    }
    expect((await t.client().signIn(ROOT_EMAIL, PASSWORD)).status).toBe(429);
  });

  it('limits unknown emails exactly like known ones', async () => {
    await t.setupRoot();
    for (let i = 0; i < 5; i++) await t.client().signIn('ghost@example.com', 'wrong password here');
    expect((await t.client().signIn('ghost@example.com', 'wrong password here')).status).toBe(429);
  });

  it('counts parallel guesses before judging them: at most the limit is evaluated', async () => {
    await t.setupRoot();
    expect((await t.client('10.0.0.1').signIn(ROOT_EMAIL, PASSWORD)).status).toBe(200);
    const attacker = '10.6.6.6';
    const guesses = await Promise.all(Array.from({ length: 60 }, (_, i) => t.client(attacker).signIn(ROOT_EMAIL, `wrong guess ${i}`)));
    const statuses = guesses.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(55);
    // Even the right password is not judged from the attacker's address now.
    expect((await t.client(attacker).signIn(ROOT_EMAIL, PASSWORD)).status).toBe(429);
    // The real user, from an address that signed in before, is not locked out.
    expect((await t.client('10.0.0.1').signIn(ROOT_EMAIL, PASSWORD)).status).toBe(200);
  });

  it('never lets failures from elsewhere lock the account out; new addresses are slowed, exponentially', async () => {
    await t.setupRoot();
    expect((await t.client('10.0.0.1').signIn(ROOT_EMAIL, PASSWORD)).status).toBe(200);
    // Five failures from five addresses: the account's free failures are used up.
    for (let i = 0; i < 5; i++) expect((await t.client(`10.9.0.${i}`).signIn(ROOT_EMAIL, 'wrong password here')).status).toBe(401);
    const newcomer = await t.client('10.1.1.1').signIn(ROOT_EMAIL, PASSWORD);
    expect(newcomer.status).toBe(429);
    expect(newcomer.headers['retry-after']).toBe('1');
    expect((await t.client('10.0.0.1').signIn(ROOT_EMAIL, PASSWORD)).status).toBe(200);
    t.clock.advance(1_000);
    expect((await t.client('10.9.1.0').signIn(ROOT_EMAIL, 'wrong password here')).status).toBe(401);
    expect((await t.client('10.1.1.1').signIn(ROOT_EMAIL, PASSWORD)).headers['retry-after']).toBe('2');
    t.clock.advance(2_000);
    expect((await t.client('10.1.1.1').signIn(ROOT_EMAIL, PASSWORD)).status).toBe(200);
  });

  it('refuses the session of a disabled account at once and its sign-in', async () => {
    const root = await t.setupRoot();
    const admin = await t.signedInAs('admin', root);
    expect((await admin.client.get('/api/console/session')).status).toBe(200);
    expect((await root.patch(`/api/console/users/${admin.id}`, { disabled: true })).status).toBe(200);
    expect((await admin.client.get('/api/console/session')).status).toBe(401);
    expect((await t.client().signIn(admin.email, PASSWORD)).status).toBe(401);

    await root.patch(`/api/console/users/${admin.id}`, { disabled: false });
    expect((await t.client().signIn(admin.email, PASSWORD)).status).toBe(200);
  });

  it("applies a role change to an open session's very next request", async () => {
    const root = await t.setupRoot();
    const admin = await t.signedInAs('admin', root);
    let projects = 0;
    const createProject = () => admin.client.post('/api/console/projects', { name: `Project ${++projects}` });
    expect((await createProject()).status).toBe(201);

    expect((await root.patch(`/api/console/users/${admin.id}`, { role: 'auditor' })).status).toBe(200);
    expect((await admin.client.get('/api/console/session')).body.user.role).toBe('auditor');
    expect((await createProject()).status).toBe(403);

    await root.patch(`/api/console/users/${admin.id}`, { name: 'Renamed Person' });
    expect((await admin.client.get('/api/console/session')).body.user.name).toBe('Renamed Person');
  });

  it('ends the sessions of a removed account at once', async () => {
    const root = await t.setupRoot();
    const admin = await t.signedInAs('admin', root);
    expect((await admin.client.get('/api/console/session')).status).toBe(200);
    expect((await root.delete(`/api/console/users/${admin.id}`)).status).toBe(204);
    expect((await admin.client.get('/api/console/session')).status).toBe(401);
  });
});

describe('CSRF protection', () => {
  const t = useTestApp();

  it('refuses a state-changing request without the SPA header', async () => {
    const root = await t.setupRoot();
    const response = await root.request('POST', '/api/console/projects', { name: 'x' }, { 'x-keyward-csrf': '' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('CSRF_REJECTED');
    expect((await root.get('/api/console/projects')).body.projects).toHaveLength(1);
  });

  it('refuses a state-changing request from another origin', async () => {
    const root = await t.setupRoot();
    const response = await root.request('POST', '/api/console/projects', { name: 'x' }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('CSRF_REJECTED');
  });

  it('compares scheme, host and port exactly: https or another port of the same host is another origin', async () => {
    const root = await t.setupRoot();
    for (const origin of [`https://${TEST_HOST}`, `http://${TEST_HOST}:8443`, `http://${TEST_HOST}.evil.example`]) {
      const response = await root.request('POST', '/api/console/projects', { name: 'x' }, { origin });
      expect(response.status, origin).toBe(403);
    }
    expect((await root.request('POST', '/api/console/projects', { name: 'x' }, { origin: `HTTP://${TEST_HOST.toUpperCase()}:80` })).status).toBe(201);
  });

  it('refuses a request with no Origin at all, sign-in included', async () => {
    await t.setupRoot();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/console/session',
      headers: { host: 'keyward.test', 'x-keyward-csrf': '1', 'content-type': 'application/json' },
      payload: JSON.stringify({ email: ROOT_EMAIL, password: PASSWORD }),
    });
    expect(response.statusCode).toBe(403);
  });
});
