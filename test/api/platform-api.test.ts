import { describe, expect, it } from 'vitest';
import { days, makeCa, makeLeaf } from '../support/certificates';
import { createDeployment, createPlatformKey, PlatformClient } from '../support/platform-client';
import { useTestApp } from '../support/test-app';
import { withLastCharacterChanged } from '../support/tamper';

describe('Platform API: authentication', () => {
  const t = useTestApp({ platformFailuresPerAddress: 6 });

  it('answers every credential problem with the same 401 and a Basic challenge', async () => {
    const root = await t.setupRoot();
    const key = await createPlatformKey(root);
    t.logs.rememberSecret(key.secret);
    const attempts = [
      new PlatformClient(t.app, undefined),
      new PlatformClient(t.app, 'Bearer something'),
      PlatformClient.withKey(t.app, { key: 'kwk_00000000000000000000', secret: key.secret }),
      PlatformClient.withKey(t.app, { key: key.key, secret: withLastCharacterChanged(key.secret) }),
    ];
    const answers = await Promise.all(attempts.map((client) => client.get('/deployments')));
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Basic realm="Keyward"');
      expect(answer.body).toEqual(answers[0]!.body);
    }
    expect(JSON.stringify(answers)).not.toContain(key.secret);
  });

  it('limits failed attempts per client address with 429 and Retry-After', async () => {
    const root = await t.setupRoot();
    const key = await createPlatformKey(root);
    const wrong = PlatformClient.withKey(t.app, { key: key.key, secret: 'kwps_wrong' });
    for (let i = 0; i < 6; i++) expect((await wrong.get('/deployments')).status).toBe(401);
    const limited = await PlatformClient.withKey(t.app, key).get('/deployments');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('stops accepting a key the moment it is deleted', async () => {
    const root = await t.setupRoot();
    const key = await createPlatformKey(root);
    const client = PlatformClient.withKey(t.app, key);
    expect((await client.get('/deployments')).status).toBe(200);
    expect((await root.delete(`/api/console/platform-keys/${key.id}`)).status).toBe(204);
    expect((await client.get('/deployments')).status).toBe(401);
  });
});

const HOUR = 3_600_000;

describe('Platform API: deployments', () => {
  const t = useTestApp({ deploymentTransitionMs: 3_000 });

  it('lists deployments in EMQX Platform wire format', async () => {
    const root = await t.setupRoot();
    await createDeployment(root, { name: 'fleet', type: 'dedicated_v5' });
    await createDeployment(root, { name: 'legacy', type: 'dedicated_v4' });
    await createDeployment(root, { name: 'flex', type: 'dedicated_flex' });
    await createDeployment(root, { name: 'tiny', type: 'serverless' });
    const key = await createPlatformKey(root, { scopes: ['deployment_management'] });
    const response = await PlatformClient.withKey(t.app, key).get('/deployments');
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body)).toBe(true);
    const byName = Object.fromEntries(
      response.body.map((d: { deploymentName: string }) => [d.deploymentName, d]),
    );
    expect(byName.fleet).toEqual({
      deploymentID: expect.stringMatching(/^[a-z][0-9a-f]{7}$/),
      deploymentName: 'fleet',
      deploymentType: 'dedicated',
      version: 'v5',
      status: 'running',
      projectName: 'default',
      region: 'us-east-1',
      platform: 'AWS',
      connections: 1000,
      tps: 1000,
      createAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
    });
    expect(byName.legacy).toMatchObject({ deploymentType: 'dedicated', version: 'v4' });
    expect(byName.flex).toMatchObject({ deploymentType: 'dedicatedFlex', version: 'v5' });
    expect(byName.tiny).toMatchObject({ deploymentType: 'serverless', version: 'v5' });

    const one = await PlatformClient.withKey(t.app, key).get(
      `/deployments/${byName.fleet.deploymentID}`,
    );
    expect(one.body).toEqual(byName.fleet);
    expect((await PlatformClient.withKey(t.app, key).get('/deployments/zzzzzzzz')).status).toBe(
      404,
    );
  });

  it("creates a deployment in a project the key may use, audited, with the console's validation", async () => {
    const root = await t.setupRoot();
    const projects = (await root.get('/api/console/projects')).body.projects;
    const other = (await root.post('/api/console/projects', { name: 'other' })).body;
    const key = await createPlatformKey(root, {
      scopes: ['deployment_management'],
      projectIds: [projects[0].id],
    });
    const client = PlatformClient.withKey(t.app, key);
    const request = {
      deploymentName: 'from-script',
      projectID: projects[0].id,
      deploymentType: 'dedicated',
      region: 'eu-central-1',
    };

    const created = await client.post('/deployments', request);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      deploymentName: 'from-script',
      deploymentType: 'dedicated',
      version: 'v5',
      status: 'running',
      projectName: projects[0].name,
      region: 'eu-central-1',
      platform: 'AWS',
    });
    // The same deployment everywhere: the Platform API's list and the console.
    expect((await client.get(`/deployments/${created.body.deploymentID}`)).body).toEqual(
      created.body,
    );
    expect(
      (await root.get(`/api/console/deployments/${created.body.deploymentID}`)).body,
    ).toMatchObject({ type: 'dedicated_v5', emqxVersion: '5.8.9' });
    const v4 = await client.post('/deployments', {
      ...request,
      deploymentName: 'legacy',
      version: 'v4',
    });
    expect(v4.body).toMatchObject({ deploymentType: 'dedicated', version: 'v4' });
    const audit = (await root.get('/api/console/audit-events?action=deployment.create')).body
      .events;
    expect(audit[0]).toMatchObject({
      actorType: 'platform_key',
      actorLabel: key.key,
      targetId: v4.body.deploymentID,
    });

    // Outside the key's projects, or without the scope: 403, and nothing made.
    expect((await client.post('/deployments', { ...request, projectID: other.id })).status).toBe(
      403,
    );
    const tlsOnly = PlatformClient.withKey(
      t.app,
      await createPlatformKey(root, { scopes: ['tls_certificate_management'] }),
    );
    expect((await tlsOnly.post('/deployments', request)).status).toBe(403);
    // Bad fields: 422 naming each, and nothing made.
    for (const [body, field] of [
      [{ ...request, deploymentName: '' }, 'deploymentName'],
      [{ ...request, deploymentName: 'a\u0000b' }, 'deploymentName'],
      [{ ...request, deploymentType: 'huge' }, 'deploymentType'],
      [{ ...request, deploymentType: 'serverless', version: 'v4' }, 'version'],
      [{ ...request, emqxVersion: '4.4.19' }, 'emqxVersion'],
      [{ ...request, region: 'mars-1' }, 'region'],
      [{ ...request, projectID: 'not-a-uuid' }, 'projectID'],
      [{ ...request, upstreamUrl: 'http://10.0.0.1' }, ''],
    ] as const) {
      t.clock.advance(HOUR); // writes are limited to 6 an hour per key, as EMQX Platform's
      const refused = await client.post('/deployments', body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      if (field)
        expect(refused.body.details.map((issue: { path: string }) => issue.path)).toContain(field);
    }
    expect((await client.get('/deployments')).body).toHaveLength(2);
  });

  it('stops and starts a Dedicated deployment, which settles after its transition', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root);
    const client = PlatformClient.withKey(
      t.app,
      await createPlatformKey(root, { scopes: ['deployment_management'] }),
    );

    const stop = await client.post(`/deployments/${deployment.id}/stop`);
    expect(stop.status).toBe(201);
    expect(stop.body).toEqual({
      deploymentID: deployment.id,
      deploymentName: deployment.name,
      operation: 'stopping',
    });
    expect((await client.get(`/deployments/${deployment.id}`)).body.status).toBe('stopping');
    t.clock.advance(3_001);
    expect((await client.get(`/deployments/${deployment.id}`)).body.status).toBe('stopped');
    expect((await root.get(`/api/console/deployments/${deployment.id}`)).body.status).toBe(
      'stopped',
    );

    // Fresh keys, as start/stop is limited to one call an hour per deployment and key.
    const freshKey = async () =>
      PlatformClient.withKey(
        t.app,
        await createPlatformKey(root, { scopes: ['deployment_management'] }),
      );
    const again = await (await freshKey()).post(`/deployments/${deployment.id}/stop`);
    expect(again.status).toBe(422);
    expect(again.body.message).toContain('only a running deployment can be stopped');
    const start = await (await freshKey()).post(`/deployments/${deployment.id}/start`);
    expect(start.body.operation).toBe('starting');
    t.clock.advance(3_001);
    expect((await root.get(`/api/console/deployments/${deployment.id}`)).body.status).toBe(
      'running',
    );
  });

  it('limits starts and stops to one an hour each per deployment and key: a stop and then a start both pass', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root);
    const client = PlatformClient.withKey(t.app, await createPlatformKey(root));
    expect((await client.post(`/deployments/${deployment.id}/stop`)).status).toBe(201);
    t.clock.advance(5_000);
    expect((await client.post(`/deployments/${deployment.id}/start`)).status).toBe(201);
    t.clock.advance(5_000);
    const limited = await client.post(`/deployments/${deployment.id}/stop`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3000);
    t.clock.advance(3_600_000);
    expect((await client.post(`/deployments/${deployment.id}/stop`)).status).toBe(201);
  });

  it('refuses start, stop and TLS on Serverless with DEPLOYMENT_TYPE_UNSUPPORTED', async () => {
    const root = await t.setupRoot();
    const serverless = await createDeployment(root, { type: 'serverless' });
    const client = PlatformClient.withKey(t.app, await createPlatformKey(root));
    for (const call of [
      () => client.post(`/deployments/${serverless.id}/stop`),
      () => client.get(`/deployments/${serverless.id}/tls`),
    ]) {
      const response = await call();
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('DEPLOYMENT_TYPE_UNSUPPORTED');
    }
    expect((await root.get(`/api/console/deployments/${serverless.id}`)).body.status).toBe(
      'running',
    );
  });

  it('enforces the functionality scope and the project scope', async () => {
    const root = await t.setupRoot();
    const other = (await root.post('/api/console/projects', { name: 'other' })).body;
    const inDefault = await createDeployment(root, { name: 'in-default' });
    const inOther = await createDeployment(root, { name: 'in-other', projectId: other.id });

    const tlsOnly = PlatformClient.withKey(
      t.app,
      await createPlatformKey(root, { scopes: ['tls_certificate_management'] }),
    );
    expect((await tlsOnly.get('/deployments')).status).toBe(403);
    expect((await tlsOnly.get('/projects')).status).toBe(403);

    const scoped = PlatformClient.withKey(
      t.app,
      await createPlatformKey(root, { projectIds: [other.id] }),
    );
    const listed = await scoped.get('/deployments');
    expect(listed.body.map((d: { deploymentName: string }) => d.deploymentName)).toEqual([
      'in-other',
    ]);
    expect((await scoped.get(`/deployments/${inOther.id}`)).status).toBe(200);
    expect((await scoped.get(`/deployments/${inDefault.id}`)).status).toBe(403);
    expect((await scoped.post(`/deployments/${inDefault.id}/stop`)).status).toBe(403);
    expect((await root.get(`/api/console/deployments/${inDefault.id}`)).body.status).toBe(
      'running',
    );
    const projects = await scoped.get('/projects');
    expect(projects.body).toEqual([{ projectID: other.id, projectName: 'other', description: '' }]);
  });
});

describe('Platform API: rate limits and documentation', () => {
  const t = useTestApp({ platformReadsPerHour: 3 });

  it('limits reads per key and answers 429 with Retry-After past it', async () => {
    const root = await t.setupRoot();
    const client = PlatformClient.withKey(t.app, await createPlatformKey(root));
    for (let i = 0; i < 3; i++) expect((await client.get('/deployments')).status).toBe(200);
    const limited = await client.get('/deployments');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    // Another key has its own allowance.
    expect(
      (await PlatformClient.withKey(t.app, await createPlatformKey(root)).get('/deployments'))
        .status,
    ).toBe(200);
  });

  it('serves an OpenAPI 3 document generated from the route schemas', async () => {
    const response = await new PlatformClient(t.app, undefined).get('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/deployments',
        '/deployments/{deployment_id}',
        '/deployments/{deployment_id}/tls',
        '/projects',
      ]),
    );
    expect(response.body.paths['/deployments'].get.responses['200']).toBeDefined();
  });
});

describe('Platform API: TLS certificates', () => {
  const t = useTestApp();

  it('uploads, reads, refuses a second upload, replaces and deletes a certificate', async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root);
    const client = PlatformClient.withKey(
      t.app,
      await createPlatformKey(root, { scopes: ['tls_certificate_management'] }),
    );
    const ca = await makeCa();
    const leaf = await makeLeaf(ca, { to: days(400) });
    t.logs.rememberSecret(leaf.key.split('\n').slice(1, -2).join(''));

    const created = await client.post(`/deployments/${deployment.id}/tls`, {
      tlsType: 'one-way',
      cert: leaf.cert,
      key: leaf.key,
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      tlsType: 'one-way',
      expire: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      status: 'running',
      cn: 'mqtt.example.com',
    });
    expect(JSON.stringify(created.body)).not.toContain('PRIVATE KEY');
    expect((await client.get(`/deployments/${deployment.id}/tls`)).body).toEqual(created.body);
    expect(
      (
        await client.post(`/deployments/${deployment.id}/tls`, {
          tlsType: 'one-way',
          cert: leaf.cert,
          key: leaf.key,
        })
      ).status,
    ).toBe(409);

    const twoWay = await client.put(`/deployments/${deployment.id}/tls`, {
      tlsType: 'two-way',
      cert: leaf.cert,
      key: leaf.key,
      cacert: ca.cert,
    });
    expect(twoWay.body.tlsType).toBe('two-way');
    expect((await client.delete(`/deployments/${deployment.id}/tls`)).status).toBe(200);
    expect((await client.get(`/deployments/${deployment.id}/tls`)).status).toBe(404);
  });

  it.each([
    ['an expired certificate', 'expired'],
    ['a key of another certificate', 'does not match'],
    ['two-way without a CA', 'client CA'],
  ])(
    'refuses %s with 422 saying which check failed, and stores nothing',
    async (_case, message) => {
      const root = await t.setupRoot();
      const deployment = await createDeployment(root);
      const client = PlatformClient.withKey(t.app, await createPlatformKey(root));
      const ca = await makeCa();
      const good = await makeLeaf(ca);
      const body =
        message === 'expired'
          ? await makeLeaf(ca, { from: days(-60), to: days(-2) }).then((c) => ({
              tlsType: 'one-way',
              cert: c.cert,
              key: c.key,
            }))
          : message === 'does not match'
            ? { tlsType: 'one-way', cert: good.cert, key: (await makeLeaf(ca)).key }
            : { tlsType: 'two-way', cert: good.cert, key: good.key };
      const response = await client.post(`/deployments/${deployment.id}/tls`, body);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('TLS_CERTIFICATE_INVALID');
      expect(response.body.message).toContain(message);
      expect((await client.get(`/deployments/${deployment.id}/tls`)).status).toBe(404);
    },
  );
});
