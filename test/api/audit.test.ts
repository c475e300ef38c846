import { describe, expect, it } from 'vitest';
import { createDeployment, createPlatformKey, PlatformClient } from '../support/platform-client';
import { PASSWORD, useTestApp } from '../support/test-app';

describe('audit log', () => {
  const t = useTestApp({ deploymentTransitionMs: 0 });

  it('records who changed what, from where, newest first, and never a secret', async () => {
    const root = await t.setupRoot();
    await root.post('/api/console/users', { email: 'new@example.com', role: 'auditor', password: PASSWORD });
    const deployment = await createDeployment(root, { name: 'audited' });
    const key = await createPlatformKey(root, { note: 'ops' });
    t.logs.rememberSecret(key.secret);
    await PlatformClient.withKey(t.app, key).post(`/deployments/${deployment.id}/stop`);

    const page = await root.get('/api/console/audit-events');
    expect(page.status).toBe(200);
    const actions = page.body.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['deployment.stop', 'platform_key.create', 'deployment.create', 'user.create', 'organization.setup']);
    expect(page.body.events[0]).toMatchObject({ actorType: 'platform_key', actorLabel: key.key, targetId: deployment.id });
    expect(page.body.events[3]).toMatchObject({ actorType: 'user', actorLabel: 'root@example.com', targetLabel: 'new@example.com', address: '127.0.0.1' });
    expect(JSON.stringify(page.body)).not.toContain(key.secret);
    expect(JSON.stringify(page.body)).not.toContain(PASSWORD);
  });

  it('filters by actor, action and time, and pages from newest to oldest', async () => {
    const root = await t.setupRoot();
    for (let i = 0; i < 5; i++) await root.post('/api/console/projects', { name: `p${i}` });
    const first = await root.get('/api/console/audit-events?limit=2&action=project.create');
    expect(first.body.events.map((e: { targetLabel: string }) => e.targetLabel)).toEqual(['p4', 'p3']);
    const second = await root.get(`/api/console/audit-events?limit=2&action=project.create&after=${first.body.nextCursor}`);
    expect(second.body.events.map((e: { targetLabel: string }) => e.targetLabel)).toEqual(['p2', 'p1']);
    // The cursor is opaque, as on every list: one the list did not give out is a 400 naming it.
    const forged = await root.get(`/api/console/audit-events?after=${Buffer.from('{"id":"1 or 1=1"}').toString('base64url')}`);
    expect(forged.status).toBe(400);
    expect(forged.body.details).toEqual([{ path: 'after', message: expect.any(String) }]);
    expect((await root.get('/api/console/audit-events?actor=nobody')).body.events).toEqual([]);
    expect((await root.get('/api/console/audit-events?actor=root@')).body.events).toHaveLength(6);
    expect((await root.get('/api/console/audit-events?actor=ROOT@Example')).body.events).toHaveLength(6);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await root.get(`/api/console/audit-events?from=${encodeURIComponent(future)}`)).body.events).toEqual([]);
    expect((await root.get('/api/console/audit-events?from=yesterday')).status).toBe(422);
  });

  it("filters to one object's events, and exports the filtered events as CSV a spreadsheet cannot run", async () => {
    const root = await t.setupRoot();
    const deployment = await createDeployment(root, { name: '=HYPERLINK("http://evil")' });
    await root.post(`/api/console/deployments/${deployment.id}/stop`);
    await createDeployment(root, { name: 'other' });
    const own = (await root.get(`/api/console/audit-events?target=${deployment.id}`)).body.events;
    expect(own.map((e: { action: string }) => e.action)).toEqual(['deployment.stop', 'deployment.create']);

    const csv = await root.get<string>(`/api/console/audit-events.csv?target=${deployment.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="keyward-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"at","actor_type","actor","action","target_type","target_id","target","details","address"');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',"deployment.stop","deployment",');
    // The name that would be a formula starts with an apostrophe; every field is quoted.
    expect(lines[2]).toContain(`,"deployment.create","deployment","${deployment.id}","'=HYPERLINK(""http://evil"")",`);
    const projectAdmin = await t.signedInAs('project_admin', root);
    expect((await projectAdmin.client.get('/api/console/audit-events.csv')).status).toBe(403);
  });

  it('is readable by Root, Administrators and Auditors only', async () => {
    const root = await t.setupRoot();
    expect((await (await t.signedInAs('auditor', root)).client.get('/api/console/audit-events')).status).toBe(200);
    expect((await (await t.signedInAs('admin', root)).client.get('/api/console/audit-events')).status).toBe(200);
    expect((await (await t.signedInAs('accountant', root)).client.get('/api/console/audit-events')).status).toBe(403);
    expect((await (await t.signedInAs('project_admin', root)).client.get('/api/console/audit-events')).status).toBe(403);
  });
});
