import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeployment } from '../support/platform-client';
import { useTestApp } from '../support/test-app';
import { startUpstream } from '../support/upstream';
import { withLastCharacterChanged } from '../support/tamper';

let upstream: Awaited<ReturnType<typeof startUpstream>>;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** What a client sees of a refusal: status, code and the two headers that tell it what to do. */
interface Seen {
  status: number;
  code: string | undefined;
  challenge: boolean;
  retryAfter: boolean;
}

/**
 * One key-authentication pipeline (server/keys/key-authentication.ts) behind both key surfaces:
 * the same credential problem gets the same answer from the Deployment API and the Platform API.
 */
describe.each([
  // Limits out of the way: each problem's own answer. (The gateway counts failures per App ID
  // over a minute, the Platform API per Key over 15 minutes: the clock this test moves would
  // tell them apart.)
  { case: 'answers', perId: 1000 },
  { case: 'limits', perId: 5 },
])('one key-authentication pipeline for the gateway and the Platform API ($case)', ({ case: which, perId }) => {
  const t = useTestApp({ deploymentTransitionMs: 0, gatewayFailuresPerAddress: 1000, platformFailuresPerAddress: 1000, gatewayFailuresPerAppId: perId, platformFailuresPerKey: perId });

  async function setUp() {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root, { upstreamUrl: upstream.url });
    const kinds = {
      gateway: await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] }),
      platform: await root.post('/api/console/platform-keys', { scopes: ['deployment_management'], projectIds: null }),
    };
    const keys = {
      gateway: { id: kinds.gateway.body.appId as string, secret: kinds.gateway.body.appSecret as string, path: `/api/console/deployments/${deployment.id}/keys/${kinds.gateway.body.id}` },
      platform: { id: kinds.platform.body.key as string, secret: kinds.platform.body.secret as string, path: `/api/console/platform-keys/${kinds.platform.body.id}` },
    };
    t.logs.rememberSecret(keys.gateway.secret);
    t.logs.rememberSecret(keys.platform.secret);
    const call = async (surface: 'gateway' | 'platform', authorization: string | undefined, remoteAddress = '192.0.2.10'): Promise<Seen> => {
      const response = await t.app.inject({
        method: 'GET',
        url: surface === 'gateway' ? `/api/deployments/${deployment.id}/api/v5/clients` : '/public_api/v1/deployments',
        headers: authorization === undefined ? {} : { authorization },
        remoteAddress,
      });
      const body = String(response.headers['content-type'] ?? '').includes('json') ? JSON.parse(response.body) : {};
      return { status: response.statusCode, code: body.code, challenge: 'www-authenticate' in response.headers, retryAfter: 'retry-after' in response.headers };
    };
    return { root, keys, call };
  }

  it.runIf(which === 'answers')('answers every credential problem and every lifecycle refusal the same on both surfaces', async () => {
    const { root, keys, call } = await setUp();
    type Problem = 'none' | 'scheme' | 'padding' | 'no_colon' | 'unknown' | 'wrong_secret' | 'disabled' | 'expired' | 'address' | 'right';
    const authorization = (surface: 'gateway' | 'platform', problem: Problem): string | undefined => {
      const { id, secret } = keys[surface];
      switch (problem) {
        case 'none':
          return undefined;
        case 'scheme':
          return `Bearer ${secret}`;
        case 'padding':
          return `${basic(id, secret)}=`;
        case 'no_colon':
          return `Basic ${Buffer.from(id).toString('base64')}`;
        case 'unknown':
          return basic(`${id.slice(0, 4)}unknown`, secret);
        case 'wrong_secret':
          return basic(id, withLastCharacterChanged(secret));
        default:
          return basic(id, secret);
      }
    };
    // Each lifecycle state is set on both keys alike, and undone after.
    const lifecycle = async (problem: Problem, undo: boolean) => {
      for (const { path } of Object.values(keys)) {
        if (problem === 'disabled') await root.patch(`${path}/lifecycle`, { disabled: !undo });
        if (problem === 'address') await root.patch(`${path}/lifecycle`, { allowedAddresses: undo ? [] : ['10.0.0.0/8'] });
        if (problem === 'expired') {
          const changed = await root.patch(`${path}/lifecycle`, { expiresAt: new Date(t.clock.now() + (undo ? 90 * DAY : 2 * MINUTE)).toISOString() });
          expect(changed.status).toBe(200);
        }
      }
      // Minutes, not days: the console session stays fresh.
      if (problem === 'expired' && !undo) t.clock.advance(3 * MINUTE);
    };
    const problems: Problem[] = ['none', 'scheme', 'padding', 'no_colon', 'unknown', 'wrong_secret', 'disabled', 'expired', 'address', 'right'];
    const seen = new Map<Problem, Seen>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...problems), async (problem) => {
        await lifecycle(problem, false);
        const gateway = await call('gateway', authorization('gateway', problem));
        const platform = await call('platform', authorization('platform', problem));
        await lifecycle(problem, true);
        expect(platform, problem).toEqual(gateway);
        seen.set(problem, gateway);
      }),
      { numRuns: 30 },
    );
    // And what that one answer is, for the problems the run met.
    const expected: Record<Problem, Partial<Seen>> = {
      none: { status: 401, code: 'UNAUTHENTICATED', challenge: true },
      scheme: { status: 401, code: 'UNAUTHENTICATED', challenge: true },
      padding: { status: 401, code: 'UNAUTHENTICATED', challenge: true },
      no_colon: { status: 401, code: 'UNAUTHENTICATED', challenge: true },
      unknown: { status: 401, code: 'UNAUTHENTICATED', challenge: true },
      wrong_secret: { status: 401, code: 'UNAUTHENTICATED', challenge: true },
      disabled: { status: 401, code: 'KEY_DISABLED', challenge: true },
      expired: { status: 401, code: 'KEY_EXPIRED', challenge: true },
      address: { status: 403, code: 'CLIENT_ADDRESS_NOT_ALLOWED', challenge: false },
      right: { status: 200, challenge: false },
    };
    for (const [problem, answer] of seen) expect(answer, problem).toMatchObject(expected[problem]);
  });

  it.runIf(which === 'limits')('limits wrong secrets per public id on both surfaces, and the right secret still verifies', async () => {
    const { keys, call } = await setUp();
    for (const surface of ['gateway', 'platform'] as const) {
      const { id, secret } = keys[surface];
      const wrong = basic(id, withLastCharacterChanged(secret));
      // From many addresses: the per-address limit never applies, the per-id one does.
      for (let attempt = 0; attempt < 5; attempt++) expect((await call(surface, wrong, `198.51.100.${attempt}`)).status).toBe(401);
      expect(await call(surface, wrong, '198.51.100.99'), surface).toEqual({ status: 429, code: 'TOO_MANY_REQUESTS', challenge: false, retryAfter: true });
      expect((await call(surface, basic(id, secret), '198.51.100.100')).status, surface).toBe(200);
    }
  });
});
