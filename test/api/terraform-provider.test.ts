import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { KeywardApp } from '../../server/app';
import { days, makeCa, makeLeaf } from '../support/certificates';
import { gatewayCall } from '../support/gateway-client';
import { createDeployment, createPlatformKey } from '../support/platform-client';
import { useTestApp, type TestContext } from '../support/test-app';
import { startUpstream } from '../support/upstream';

/**
 * The official EMQX Cloud Terraform provider (github.com/emqx/terraform-provider-emqxcloud),
 * replayed request by request: the bodies, paths and statuses its Go code sends and accepts, and
 * its answers decoded as Go's encoding/json decodes them into its own structs (unknown fields
 * ignored, a field of another JSON type an error). Each test names the provider file it follows.
 */

/** internal/client/client.go: Basic auth, Accept and (with a body) Content-Type JSON; 2xx decodes. */
function providerClient(app: KeywardApp, endpoint: '/public_api/v1', key: { key: string; secret: string }) {
  return async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) => {
    const response = await app.inject({
      method,
      url: `${endpoint}/${path.replace(/^\/+/, '')}`,
      headers: {
        authorization: `Basic ${Buffer.from(`${key.key}:${key.secret}`).toString('base64')}`,
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const text = response.body;
    return {
      status: response.statusCode,
      ok: response.statusCode >= 200 && response.statusCode < 300,
      json: text.trim() === '' ? undefined : (JSON.parse(text) as unknown),
      retryAfter: response.headers['retry-after'],
      /** client.go newAPIError: the error's `code`, if a string of [A-Za-z0-9._:-] up to 128. */
      apiErrorCode: response.statusCode >= 400 ? providerErrorCode(text) : undefined,
    };
  };
}

function providerErrorCode(body: string): string {
  try {
    const code = (JSON.parse(body) as { code?: unknown }).code;
    return typeof code === 'string' && code.length <= 128 && /^[A-Za-z0-9._:-]*$/.test(code) ? code : '';
  } catch {
    return '';
  }
}

// Go structs as encoding/json fills them: absent fields stay zero, present ones must be of the type.
const goString = z.string().optional();
const goInt64 = z.number().int().optional();
/** internal/provider/platform_data_sources.go deploymentAPIModel. */
const deploymentAPIModel = z.looseObject({
  createAt: goString,
  deploymentID: goString,
  deploymentName: goString,
  deploymentType: goString,
  projectName: goString,
  platform: goString,
  region: goString,
  status: goString,
  version: goString,
  connections: goInt64,
  tps: goInt64,
});
/** internal/provider/platform_data_sources.go projectAPIModel. */
const projectAPIModel = z.looseObject({ projectID: goString, projectName: goString, description: goString });
/** internal/provider/deployment_tls_resource.go deploymentTLSResponse. */
const deploymentTLSResponse = z.looseObject({ tlsType: goString, status: goString, expire: goString, cn: goString });

const TRANSIENT = new Set(['pending', 'starting', 'stopping']);

/** deployment_resource.go waitForDeployment: read until the status, through transient ones only. */
async function waitForDeployment(t: TestContext, call: ReturnType<typeof providerClient>, id: string, desired: string) {
  for (let poll = 0; poll < 10; poll++) {
    const read = await call('GET', `/deployments/${encodeURIComponent(id)}`);
    expect(read.ok, JSON.stringify(read.json)).toBe(true);
    const current = deploymentAPIModel.parse(read.json);
    if (current.status === desired) return current;
    expect(TRANSIENT.has(current.status ?? ''), `status ${current.status} while waiting for ${desired}`).toBe(true);
    t.clock.advance(60_000); // the provider's poll interval
  }
  throw new Error(`never reached ${desired}`);
}

describe('the EMQX Cloud Terraform provider against the Platform API', () => {
  const t = useTestApp({ deploymentTransitionMs: 5_000 });

  async function provider() {
    const root = await t.setupRoot();
    const key = await createPlatformKey(root, { scopes: ['deployment_management', 'tls_certificate_management', 'project_management'] });
    const projectID = (await root.get('/api/console/projects')).body.projects[0].id as string;
    return { root, projectID, call: providerClient(t.app, '/public_api/v1', key) };
  }

  it('emqxcloud_deployment: create with its body, poll until running, stop then start, read connections and tps back (deployment_resource.go)', async () => {
    const { call, projectID } = await provider();
    // createDeploymentRequest, field for field.
    const created = await call('POST', '/deployments', {
      projectID,
      platform: 'aws',
      region: 'us-east-1',
      connections: 5000,
      tps: 2000,
      deploymentName: 'tf-flex',
      deploymentType: 'dedicatedFlex',
      deploymentVersion: 'v5',
      freeTrial: false,
    });
    expect(created.ok, JSON.stringify(created.json)).toBe(true);
    const model = deploymentAPIModel.parse(created.json);
    expect(model.deploymentID).toMatch(/^[a-z][0-9a-f]{7}$/);
    expect(model).toMatchObject({ deploymentName: 'tf-flex', deploymentType: 'dedicatedFlex', connections: 5000, tps: 2000, version: 'v5' });
    const id = model.deploymentID!;
    // Read after create, and every refresh: what was sent comes back, so the next plan is empty.
    expect(await waitForDeployment(t, call, id, 'running')).toMatchObject({ connections: 5000, tps: 2000, deploymentName: 'tf-flex', region: 'us-east-1' });

    // Update status running -> stopped -> running: POST .../stop, poll, POST .../start, poll.
    expect((await call('POST', `/deployments/${id}/stop`)).ok).toBe(true);
    expect((await waitForDeployment(t, call, id, 'stopped')).status).toBe('stopped');
    const start = await call('POST', `/deployments/${id}/start`);
    expect(start.ok, JSON.stringify(start.json)).toBe(true);
    expect((await waitForDeployment(t, call, id, 'running')).status).toBe('running');

    // Read of a deployment that is gone: 404, which the provider takes as "remove from state".
    expect((await call('GET', '/deployments/z0000000')).status).toBe(404);
  });

  it('emqxcloud_deployment: no name (omitempty) gets one; v6 is Dedicated Flex on EMQX 6; a wrong field is a 422 the provider can name (deployment_resource.go)', async () => {
    const { call, projectID, root } = await provider();
    const body = { projectID, platform: 'gcp', region: 'us-central1', connections: 1000, tps: 1000, deploymentType: 'dedicatedFlex', deploymentVersion: 'v6', freeTrial: false };
    const created = await call('POST', '/deployments', body);
    expect(created.status).toBe(201);
    const model = deploymentAPIModel.parse(created.json);
    expect(model.deploymentName).toMatch(/^deployment-[0-9a-f]{6}$/);
    expect(model).toMatchObject({ version: 'v6', platform: 'GCP' });
    expect((await root.get(`/api/console/deployments/${model.deploymentID}`)).body).toMatchObject({ type: 'dedicated_flex', emqxVersion: '6.0.1' });

    for (const [change, field] of [
      [{ platform: 'aliyun' }, 'platform'],
      [{ deploymentVersion: 'v4' }, 'deploymentVersion'],
      [{ connections: 0 }, 'connections'],
      [{ tps: 1.5 }, 'tps'],
      [{ region: 'mars-1' }, 'region'],
    ] as const) {
      const refused = await call('POST', '/deployments', { ...body, ...change });
      expect(refused.status, field).toBe(422);
      expect(refused.apiErrorCode).toBe('VALIDATION_FAILED');
      expect((refused.json as { details: { path: string }[] }).details.map((issue) => issue.path)).toContain(field);
    }
  });

  it('emqxcloud_deployment_tls: create, poll until running, replace, delete and poll until gone; cn kept in state (deployment_tls_resource.go)', async () => {
    const { call, root } = await provider();
    const deployment = await createDeployment(root);
    const ca = await makeCa();
    const leaf = await makeLeaf(ca, { cn: 'broker.tf.example', to: days(400) });
    t.logs.rememberSecret(leaf.key.split('\n').slice(1, -2).join(''));
    const path = `/deployments/${encodeURIComponent(deployment.id)}/tls`;

    // deploymentTLSRequest: cacert omitted when empty (omitempty).
    const created = await call('POST', path, { tlsType: 'one-way', cert: leaf.cert, key: leaf.key });
    expect(created.ok).toBe(true);
    const state = deploymentTLSResponse.parse(created.json);
    expect(state).toEqual({ tlsType: 'one-way', status: 'running', expire: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), cn: 'broker.tf.example' });
    // waitForTLS: readTLS until "running".
    expect(deploymentTLSResponse.parse((await call('GET', path)).json).status).toBe('running');

    const replaced = await call('PUT', path, { tlsType: 'two-way', cert: leaf.cert, key: leaf.key, cacert: ca.cert });
    expect(replaced.ok).toBe(true);
    expect(deploymentTLSResponse.parse((await call('GET', path)).json)).toMatchObject({ tlsType: 'two-way', status: 'running', cn: 'broker.tf.example' });

    // deleteTLS: DELETE, then readTLS until it is gone (404 = exists false).
    expect((await call('DELETE', path)).ok).toBe(true);
    expect((await call('GET', path)).status).toBe(404);
    // A second delete answers 404, and the provider's read confirms it is gone.
    expect((await call('DELETE', path)).status).toBe(404);
  });

  it('emqxcloud_projects, emqxcloud_deployments and emqxcloud_deployment data sources decode (platform_data_sources.go)', async () => {
    const { call, projectID, root } = await provider();
    await createDeployment(root, { name: 'listed' });
    const projects = z.array(projectAPIModel).parse((await call('GET', '/projects')).json);
    expect(projects).toContainEqual({ projectID, projectName: 'default', description: expect.any(String) });
    const deployments = z.array(deploymentAPIModel).parse((await call('GET', '/deployments')).json);
    const listed = deployments.find((deployment) => deployment.deploymentName === 'listed')!;
    expect(listed).toMatchObject({ deploymentType: 'dedicated', status: 'running', version: 'v5', projectName: 'default', connections: 1000, tps: 1000 });
    expect(listed.createAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(deploymentAPIModel.parse((await call('GET', `/deployments/${listed.deploymentID}`)).json)).toEqual(listed);
  });

  it('creating deployments has a limit of its own, and every 429 says when to retry (client.go parseRetryAfter)', async () => {
    const { call, projectID } = await provider();
    const body = { projectID, platform: 'aws', region: 'us-east-1', connections: 100, tps: 100, deploymentType: 'dedicatedFlex', deploymentVersion: 'v5', freeTrial: false };
    for (let i = 0; i < 10; i++) expect((await call('POST', '/deployments', body)).status).toBe(201);
    const limited = await call('POST', '/deployments', body);
    expect(limited.status).toBe(429);
    expect(limited.apiErrorCode).toBe('TOO_MANY_REQUESTS');
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    // Creating counted nothing against TLS writes.
    const [first] = z.array(deploymentAPIModel).parse((await call('GET', '/deployments')).json);
    const deploymentID = first!.deploymentID!;
    const leaf = await makeLeaf(await makeCa());
    t.logs.rememberSecret(leaf.key.split('\n').slice(1, -2).join(''));
    expect((await call('POST', `/deployments/${deploymentID}/tls`, { tlsType: 'one-way', cert: leaf.cert, key: leaf.key })).ok).toBe(true);
  });
});

describe('the EMQX Cloud Terraform provider against the Deployment API (the gateway)', () => {
  const t = useTestApp({ deploymentTransitionMs: 5_000 });
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  beforeAll(async () => {
    upstream = await startUpstream();
  });
  afterAll(() => upstream.close());

  it('a stopped deployment answers 503 with Retry-After, which the provider waits for before a GET again (client.go)', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root, { upstreamUrl: upstream.url });
    const created = await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] });
    t.logs.rememberSecret(created.body.appSecret);
    expect((await root.post(`/api/console/deployments/${deployment.id}/stop`)).status).toBe(200);
    t.clock.advance(5_000);
    const stopped = await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key: created.body });
    expect(stopped.status).toBe(503);
    expect(providerErrorCode(JSON.stringify(stopped.body))).toBe('DEPLOYMENT_STOPPED');
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(0);
    // Starting: come back when the start settles.
    expect((await root.post(`/api/console/deployments/${deployment.id}/start`)).status).toBe(200);
    const starting = await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients', key: created.body });
    expect(starting.status).toBe(503);
    expect(Number(starting.headers['retry-after'])).toBe(5);
  });

  it("forwards every request of the provider's EMQX resources, and a denied one is an error it can name (emqx_security_resources.go, emqx_json_resources.go, authorization_cache_action.go)", async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root, { upstreamUrl: upstream.url });
    // What each resource and the action send, relative to deployment_endpoint (…/api/v5).
    const calls: Array<[string, string, string]> = [
      ['POST', '/authentication/password_based:built_in_database/users', '/authentication/{id}/users'],
      ['GET', '/authentication/password_based:built_in_database/users/alice%20smith', '/authentication/{id}/users/{user_id}'],
      ['PUT', '/authentication/password_based:built_in_database/users/alice%20smith', '/authentication/{id}/users/{user_id}'],
      ['DELETE', '/authentication/password_based:built_in_database/users/alice%20smith', '/authentication/{id}/users/{user_id}'],
      ['POST', '/authorization/sources/built_in_database/rules/users', '/authorization/sources/built_in_database/rules/users'],
      ['PUT', '/authorization/sources/built_in_database/rules/users/alice', '/authorization/sources/built_in_database/rules/users/{username}'],
      ['GET', '/authorization/sources/built_in_database/rules/clients/plant%2Fline-1', '/authorization/sources/built_in_database/rules/clients/{clientid}'],
      ['DELETE', '/authorization/sources/built_in_database/rules/clients/plant%2Fline-1', '/authorization/sources/built_in_database/rules/clients/{clientid}'],
      ['POST', '/banned', '/banned'],
      // readRemote: url.Values.Encode sorts the keys.
      ['GET', '/banned?clientid=bad-device&limit=100&page=1', '/banned'],
      ['DELETE', '/banned/clientid/bad-device', '/banned/{as}/{who}'],
      // A CIDR's slash is escaped (client.EscapePathSegment) and reaches no other endpoint.
      ['DELETE', '/banned/peerhost_net/10.0.0.0%2F8', '/banned/{as}/{who}'],
      ['POST', '/connectors', '/connectors'],
      ['GET', '/connectors/mqtt%3Ac-abc123', '/connectors/{id}'],
      ['PUT', '/connectors/mqtt%3Ac-abc123/enable/false', '/connectors/{id}/enable/{enable}'],
      ['DELETE', '/sources/mqtt%3As-abc123?also_delete_dep_actions=false', '/sources/{id}'],
      ['PUT', '/actions/mqtt%3Aa-abc123', '/actions/{id}'],
      ['POST', '/rules', '/rules'],
      ['GET', '/rules/r-abc123', '/rules/{id}'],
      ['POST', '/authorization/node_cache/reset', '/authorization/node_cache/reset'],
    ];
    const permissions = [...new Map(calls.map(([method, , path]) => [`${method} ${path}`, { method, path }])).values()];
    const key = await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions });
    expect(key.status).toBe(201);
    t.logs.rememberSecret(key.body.appSecret);
    for (const [method, path] of calls) {
      const answer = await gatewayCall(t.app, { deploymentId: deployment.id, method, path: `/api/v5${path}`, key: key.body, body: method === 'POST' || method === 'PUT' ? '{}' : undefined, headers: { accept: 'application/json', 'content-type': 'application/json' } });
      expect(answer.headers['x-upstream'], `${method} ${path}: ${JSON.stringify(answer.body)}`).toBe('emqx');
    }
    // A key without the grant: 403 with a code the provider's error reports.
    const narrow = await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: [{ method: 'GET', path: '/rules/{id}' }] });
    t.logs.rememberSecret(narrow.body.appSecret);
    const denied = await gatewayCall(t.app, { deploymentId: deployment.id, method: 'POST', path: '/api/v5/rules', key: narrow.body, body: '{}', headers: { 'content-type': 'application/json' } });
    expect(denied.status).toBe(403);
    expect(providerErrorCode(JSON.stringify(denied.body))).toBe('PERMISSION_DENIED');
  });
});
