import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestConfigOptions } from '../support/test-config';
import { gatewayCall } from '../support/gateway-client';
import { createDeployment } from '../support/platform-client';
import { useTestApp, type TestContext } from '../support/test-app';
import { startUpstream } from '../support/upstream';

let upstream: Awaited<ReturnType<typeof startUpstream>>;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

async function keyWith(t: TestContext, permissions: { method: string; path: string }[]) {
  const root = await t.setupRoot();
  const deployment = await createDeployment(root, { name: 'v5', type: 'dedicated_v5', upstreamUrl: upstream.url });
  const created = await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions });
  t.logs.rememberSecret(created.body.appSecret);
  const call = (path: string) => gatewayCall(t.app, { deploymentId: deployment.id, path, key: created.body });
  const test = (path: string) => root.post(`/api/console/deployments/${deployment.id}/keys/test-access`, { method: 'GET', path, permissions });
  return { call, test };
}

const CLIENT_ONLY = [{ method: 'GET', path: '/clients/{clientid}' }];
const CLIENT_AND_SUBSCRIPTIONS = [...CLIENT_ONLY, { method: 'GET', path: '/clients/{clientid}/subscriptions' }];

describe('an encoded slash cannot reach another endpoint through a decoding proxy', () => {
  const t = useTestApp({ deploymentTransitionMs: 0 });

  it('needs the grant of the endpoint the decoded path names, and says so; Test access agrees', async () => {
    const { call, test } = await keyWith(t, CLIENT_ONLY);
    const seen = upstream.seen.length;
    const denied = await call('/api/v5/clients/x%2Fsubscriptions');
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 'PERMISSION_DENIED', details: { method: 'GET', endpoint: '/clients/{clientid}/subscriptions', reason: 'encoded_slash' } });
    expect(denied.body.message).toContain('encoded slash');
    expect((await test('/clients/x%2Fsubscriptions')).body.outcome).toBe('denied');
    expect(upstream.seen.length).toBe(seen);
    // A slash that reads as no other endpoint is MQTT's odd-but-legal client id: one value.
    expect((await call('/api/v5/clients/plant%2Fline-1')).status).toBe(200);
    expect(upstream.seen.at(-1)!.url).toBe('/api/v5/clients/plant%2Fline-1');
    expect((await test('/clients/plant%2Fline-1')).body.outcome).toBe('allowed');
  });

  it('forwards it, still encoded, when the key holds both readings', async () => {
    const { call } = await keyWith(t, CLIENT_AND_SUBSCRIPTIONS);
    const answer = await call('/api/v5/clients/x%2Fsubscriptions');
    expect(answer.status).toBe(200);
    expect(upstream.seen.at(-1)!.url).toBe('/api/v5/clients/x%2Fsubscriptions');
  });
});

describe('KEYWARD_GATEWAY_ALLOW_ENCODED_SLASH=true (the upstream keeps %2F)', () => {
  const options: TestConfigOptions = { deploymentTransitionMs: 0, allowEncodedSlash: true };
  const t = useTestApp(options);

  it('reads %2F as part of the one value, as EMQX does', async () => {
    const { call, test } = await keyWith(t, CLIENT_ONLY);
    expect((await call('/api/v5/clients/x%2Fsubscriptions')).status).toBe(200);
    expect(upstream.seen.at(-1)!.url).toBe('/api/v5/clients/x%2Fsubscriptions');
    expect((await test('/clients/x%2Fsubscriptions')).body.outcome).toBe('allowed');
  });
});
