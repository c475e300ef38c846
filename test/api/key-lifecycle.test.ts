import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleClient } from '../support/console-client';
import { gatewayCall } from '../support/gateway-client';
import { createDeployment } from '../support/platform-client';
import { PASSWORD, ROOT_EMAIL, useTestApp, type TestContext } from '../support/test-app';
import { startUpstream } from '../support/upstream';
import { withLastCharacterChanged } from '../support/tamper';

let upstream: Awaited<ReturnType<typeof startUpstream>>;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/**
 * The two key kinds behind one interface: create, call with a secret (from an address), and the
 * console path of the key for roll and lifecycle changes.
 */
interface KeyKind {
  name: string;
  create(
    t: TestContext,
    root: ConsoleClient,
    extra?: Record<string, unknown>,
  ): Promise<{ id: string; key: string; secret: string; path: string; body: any }>;
  call(
    t: TestContext,
    key: { key: string },
    secret: string,
    remoteAddress?: string,
  ): Promise<{ status: number; body: any }>;
}

let deploymentId = '';
const KINDS: KeyKind[] = [
  {
    name: 'Deployment API Key',
    async create(t, root, extra = {}) {
      if (!deploymentId)
        deploymentId = (await createDeployment(root, { upstreamUrl: upstream.url })).id;
      const response = await root.post(`/api/console/deployments/${deploymentId}/keys`, {
        permissions: [{ method: 'GET', path: '/clients' }],
        ...extra,
      });
      if (response.status !== 201) return { id: '', key: '', secret: '', path: '', body: response };
      t.logs.rememberSecret(response.body.appSecret);
      return {
        id: response.body.id,
        key: response.body.appId,
        secret: response.body.appSecret,
        path: `/api/console/deployments/${deploymentId}/keys/${response.body.id}`,
        body: response,
      };
    },
    call: (t, key, secret, remoteAddress) =>
      gatewayCall(t.app, {
        deploymentId,
        path: '/api/v5/clients',
        authorization: basic(key.key, secret),
        ...(remoteAddress ? { remoteAddress } : {}),
      }),
  },
  {
    name: 'Platform API Key',
    async create(t, root, extra = {}) {
      const response = await root.post('/api/console/platform-keys', {
        note: 'k',
        scopes: ['deployment_management'],
        projectIds: null,
        ...extra,
      });
      if (response.status !== 201) return { id: '', key: '', secret: '', path: '', body: response };
      t.logs.rememberSecret(response.body.secret);
      return {
        id: response.body.id,
        key: response.body.key,
        secret: response.body.secret,
        path: `/api/console/platform-keys/${response.body.id}`,
        body: response,
      };
    },
    async call(t, key, secret, remoteAddress) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/public_api/v1/deployments',
        headers: { authorization: basic(key.key, secret) },
        ...(remoteAddress ? { remoteAddress } : {}),
      });
      return { status: response.statusCode, body: JSON.parse(response.body) };
    },
  },
];

describe.each(KINDS)('$name lifecycle', (kind) => {
  const t = useTestApp({
    deploymentTransitionMs: 0,
    gatewayFailuresPerAddress: 10_000,
    platformReadsPerHour: 10_000,
  });
  const setUp = async (extra?: Record<string, unknown>) => {
    deploymentId = '';
    const root = await t.setupRoot();
    return { root, key: await kind.create(t, root, extra) };
  };

  it('expires at the boundary: KEY_EXPIRED to the secret holder, the one 401 to everyone else', async () => {
    const expiresAt = new Date(t.clock.current + HOUR).toISOString();
    const { key } = await setUp({ expiresAt });
    expect(key.body.body.expiresAt).toBe(expiresAt);
    t.clock.advance(HOUR - 1);
    expect((await kind.call(t, key, key.secret)).status).toBe(200);
    t.clock.advance(1);
    const expired = await kind.call(t, key, key.secret);
    expect(expired).toMatchObject({ status: 401, body: { code: 'KEY_EXPIRED' } });
    const guess = await kind.call(t, key, withLastCharacterChanged(key.secret));
    // Another id of the same shape (its last character changed, whatever it was).
    const unknown = await kind.call(t, { key: withLastCharacterChanged(key.key) }, key.secret);
    // The same answer (status and body; a Date header may tick between the two calls).
    expect({ status: guess.status, body: guess.body }).toEqual({
      status: unknown.status,
      body: unknown.body,
    });
    expect(guess.body.code).toBe('UNAUTHENTICATED');
  });

  it('rolls with a grace: both secrets work, then only the new one; a second roll ends the first grace', async () => {
    const { root, key } = await setUp();
    const first = key.secret;
    const rolled = await root.post(`${key.path}/roll`, { graceSeconds: 3_600 });
    expect(rolled.status).toBe(200);
    const second = (rolled.body.appSecret ?? rolled.body.secret) as string;
    t.logs.rememberSecret(second);
    expect(rolled.body.previousSecretValidUntil).toBe(
      new Date(t.clock.current + HOUR).toISOString(),
    );
    expect((await kind.call(t, key, first)).status).toBe(200);
    expect((await kind.call(t, key, second)).status).toBe(200);

    t.clock.advance(HOUR);
    expect((await kind.call(t, key, first)).body.code).toBe('UNAUTHENTICATED');
    expect((await kind.call(t, key, second)).status).toBe(200);
    // An hour on, rolling a Platform API Key asks the session to confirm it's its owner first.
    await root.confirmItsYou(PASSWORD);

    const third = (await root.post(`${key.path}/roll`, { graceSeconds: 86_400 })).body;
    const thirdSecret = (third.appSecret ?? third.secret) as string;
    t.logs.rememberSecret(thirdSecret);
    const fourth = (await root.post(`${key.path}/roll`, { graceSeconds: 3_600 })).body;
    const fourthSecret = (fourth.appSecret ?? fourth.secret) as string;
    t.logs.rememberSecret(fourthSecret);
    expect((await kind.call(t, key, second)).status).toBe(401);
    expect((await kind.call(t, key, thirdSecret)).status).toBe(200);
    expect((await kind.call(t, key, fourthSecret)).status).toBe(200);

    // Last used says where from, and with which secret.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const listed = await root.get(
      kind.name === 'Platform API Key'
        ? '/api/console/platform-keys'
        : `/api/console/deployments/${deploymentId}/keys`,
    );
    const mine = listed.body.keys.find((k: { id: string }) => k.id === key.id);
    expect(mine).toMatchObject({ lastUsedAddress: '127.0.0.1', lastUsedSecret: 'current' });

    expect(
      (await root.patch(`${key.path}/lifecycle`, { endGrace: true })).body.previousSecretValidUntil,
    ).toBeNull();
    expect((await kind.call(t, key, thirdSecret)).status).toBe(401);
  });

  it('disables and enables at once, keeping the key', async () => {
    const { root, key } = await setUp();
    expect((await root.patch(`${key.path}/lifecycle`, { disabled: true })).body.disabled).toBe(
      true,
    );
    expect((await kind.call(t, key, key.secret)).body.code).toBe('KEY_DISABLED');
    expect((await kind.call(t, key, 'kwxs_wrong')).body.code).toBe('UNAUTHENTICATED');
    await root.patch(`${key.path}/lifecycle`, { disabled: false });
    expect((await kind.call(t, key, key.secret)).status).toBe(200);
  });

  it('allows only the listed client addresses, IPv4, IPv6 and CIDR, after the secret verifies', async () => {
    const { root, key } = await setUp({ allowedAddresses: ['10.0.0.0/8', '2001:db8::/32'] });
    expect((await kind.call(t, key, key.secret)).body).toMatchObject({
      code: 'CLIENT_ADDRESS_NOT_ALLOWED',
    });
    expect((await kind.call(t, key, key.secret)).status).toBe(403);
    expect((await kind.call(t, key, key.secret, '10.20.30.40')).status).toBe(200);
    expect((await kind.call(t, key, key.secret, '::ffff:10.1.1.1')).status).toBe(200);
    expect((await kind.call(t, key, key.secret, '2001:db8::7')).status).toBe(200);
    expect((await kind.call(t, key, key.secret, '2001:db9::7')).status).toBe(403);
    expect((await kind.call(t, key, 'wrong-secret', '192.168.1.1')).status).toBe(401);
    const bad = await root.patch(`${key.path}/lifecycle`, {
      allowedAddresses: ['10.0.0.0/33', 'localhost'],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual([
      'allowedAddresses.0',
      'allowedAddresses.1',
    ]);
    await root.patch(`${key.path}/lifecycle`, { allowedAddresses: ['127.0.0.1/32'] });
    expect((await kind.call(t, key, key.secret)).status).toBe(200);
  });

  it('holds new keys, changes and rolls to the organisation policy; existing keys keep their expiry', async () => {
    const { root, key: fresh } = await setUp();
    // A new organisation's policy: every key expires, within 366 days; a key created without an
    // expiry gets the maximum, and "Never" is refused.
    expect((await root.get('/api/console/settings/key-policy')).body).toEqual({ maxKeyLifetimeDays: 366, allowNeverExpiring: false });
    expect(fresh.body.body.expiresAt).toBe(new Date(t.clock.current + 366 * DAY).toISOString());
    expect((await kind.create(t, root, { expiresAt: null })).body.status).toBe(422);
    // An organisation made before that default may allow keys that never expire.
    expect((await root.put('/api/console/settings/key-policy', { maxKeyLifetimeDays: null, allowNeverExpiring: true })).status).toBe(200);
    const existing = await kind.create(t, root, { expiresAt: null });
    expect(existing.body.body.expiresAt).toBeNull();
    expect(
      (
        await root.put('/api/console/settings/key-policy', {
          maxKeyLifetimeDays: 30,
          allowNeverExpiring: false,
        })
      ).status,
    ).toBe(200);
    const never = await kind.create(t, root, { expiresAt: null });
    expect(never.body.status).toBe(422);
    expect(never.body.body.details).toEqual([expect.objectContaining({ path: 'expiresAt' })]);
    expect(
      (
        await kind.create(t, root, {
          expiresAt: new Date(t.clock.current + 31 * DAY).toISOString(),
        })
      ).body.status,
    ).toBe(422);
    const defaulted = await kind.create(t, root);
    expect(defaulted.body.body.expiresAt).toBe(new Date(t.clock.current + 30 * DAY).toISOString());
    expect((await root.patch(`${existing.path}/lifecycle`, { expiresAt: null })).status).toBe(422);
    // A roll brings a key that never expired under the policy's maximum.
    const rolled = await root.post(`${existing.path}/roll`, { graceSeconds: 0 });
    t.logs.rememberSecret(rolled.body.appSecret ?? rolled.body.secret);
    expect(rolled.body.expiresAt).toBe(new Date(t.clock.current + 30 * DAY).toISOString());
    const audit = (await root.get('/api/console/audit-events?action=settings.key_policy')).body
      .events;
    expect(audit).toHaveLength(2);
  });

  it('finds a key by a leaked secret, by its keyed hash, for Root and Administrators only', async () => {
    const { root, key } = await setUp();
    const found = await root.post('/api/console/keys/find-by-secret', { secret: key.secret });
    expect(found.body.key).toMatchObject({ id: key.id, key: key.key, previous: false });
    expect(
      (
        await root.post('/api/console/keys/find-by-secret', {
          secret: withLastCharacterChanged(key.secret),
        })
      ).status,
    ).toBe(422);
    const unknownButWellFormed = await root.post('/api/console/keys/find-by-secret', {
      secret: 'legacy-secret-nobody-has-0123456789',
    });
    expect(unknownButWellFormed.body.key).toBeNull();
    const auditor = await t.signedInAs('auditor', root);
    expect(
      (await auditor.client.post('/api/console/keys/find-by-secret', { secret: key.secret }))
        .status,
    ).toBe(403);
    const audit = (await root.get('/api/console/audit-events?action=key.find_by_secret')).body
      .events;
    expect(audit.length).toBe(2);
    expect(JSON.stringify(audit)).not.toContain(key.secret);
  });
});

describe('keys expiring soon, and the client address', () => {
  const t = useTestApp({ deploymentTransitionMs: 0 });

  it('lists the keys a user may manage that expire within 7 days, not expired or later ones', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root, { upstreamUrl: upstream.url });
    const inDays = (days: number) => new Date(t.clock.current + days * DAY).toISOString();
    const soon = (
      await root.post(`/api/console/deployments/${deployment.id}/keys`, {
        permissions: [{ method: 'GET', path: '/clients' }],
        expiresAt: inDays(3),
      })
    ).body;
    await root.post(`/api/console/deployments/${deployment.id}/keys`, {
      permissions: [{ method: 'GET', path: '/clients' }],
      expiresAt: inDays(30),
    });
    const platform = (
      await root.post('/api/console/platform-keys', {
        note: 'p',
        scopes: ['project_management'],
        projectIds: null,
        expiresAt: inDays(6),
      })
    ).body;
    for (const secret of [soon.appSecret, platform.secret]) t.logs.rememberSecret(secret);
    const answer = await root.get('/api/console/keys/expiring-soon');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const listed = answer.body.keys;
    expect(listed.map((key: { key: string }) => key.key).sort()).toEqual(
      [soon.appId, platform.key].sort(),
    );
    expect(listed.find((key: { kind: string }) => key.kind === 'deployment')).toMatchObject({
      deploymentId: deployment.id,
      deploymentName: deployment.name,
    });

    const accountant = await t.signedInAs('accountant', root);
    expect((await accountant.client.get('/api/console/keys/expiring-soon')).body.keys).toEqual([]);
    t.clock.advance(4 * DAY);
    const later = t.client();
    await later.signIn(ROOT_EMAIL, PASSWORD); // the first session has gone idle meanwhile
    expect(
      (await later.get('/api/console/keys/expiring-soon')).body.keys.map(
        (key: { key: string }) => key.key,
      ),
    ).toEqual([platform.key]);
  });

  it('tells a client the address Keyward sees for it, behind a proxy too', async () => {
    const root = await t.setupRoot();
    expect((await root.get('/api/console/client-address')).body).toEqual({ address: '127.0.0.1' });
  });
});

describe('client address allow-lists behind a trusted proxy', () => {
  const t = useTestApp({ deploymentTransitionMs: 0, trustProxy: true });

  it('checks the address the proxy reports, on both key kinds', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root, { upstreamUrl: upstream.url });
    const appKey = (
      await root.post(`/api/console/deployments/${deployment.id}/keys`, {
        permissions: [{ method: 'GET', path: '/clients' }],
        allowedAddresses: ['203.0.113.0/24'],
      })
    ).body;
    const platformKey = (
      await root.post('/api/console/platform-keys', {
        note: 'p',
        scopes: ['deployment_management'],
        projectIds: null,
        allowedAddresses: ['203.0.113.0/24'],
      })
    ).body;
    for (const secret of [appKey.appSecret, platformKey.secret]) t.logs.rememberSecret(secret);
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const gateway = (address: string) =>
      gatewayCall(t.app, {
        deploymentId: deployment.id,
        path: '/api/v5/clients',
        key: appKey,
        headers: from(address),
      });
    const platform = async (address: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/public_api/v1/deployments',
          headers: { authorization: basic(platformKey.key, platformKey.secret), ...from(address) },
        })
      ).statusCode;
    expect((await gateway('203.0.113.9')).status).toBe(200);
    expect((await gateway('198.51.100.9')).status).toBe(403);
    expect(await platform('203.0.113.9')).toBe(200);
    expect(await platform('198.51.100.9')).toBe(403);
  });
});
