import { describe, expect, it } from 'vitest';
import { PASSWORD, ROOT_EMAIL, useTestApp } from '../support/test-app';

describe('first start: creating the Root account', () => {
  const t = useTestApp();

  it('reports that setup is required until the Root account exists', async () => {
    const client = t.client();
    expect((await client.get('/api/console/setup')).body).toEqual({ setupRequired: true });
    await t.setupRoot();
    expect((await client.get('/api/console/setup')).body).toEqual({ setupRequired: false });
  });

  it('creates the organisation, a "default" project and signs the new Root in', async () => {
    const root = t.client();
    const response = await root.post('/api/console/setup', {
      organizationName: 'Acme IoT',
      email: '  Owner@Example.COM ',
      password: PASSWORD,
    });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({ email: 'owner@example.com', role: 'root', disabled: false });
    expect(response.body.organization.name).toBe('Acme IoT');
    expect(JSON.stringify(response.body)).not.toContain(PASSWORD);
    expect(response.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(response.headers['set-cookie']).toMatch(/SameSite=Strict/);

    const me = await root.get('/api/console/session');
    expect(me.status).toBe(200);
    expect(me.body.user.role).toBe('root');
    const projects = await root.get('/api/console/projects');
    expect(projects.body.projects.map((p: { name: string }) => p.name)).toEqual(['default']);
  });

  it('refuses a second setup with 409 and changes nothing', async () => {
    await t.setupRoot();
    const again = await t.client().post('/api/console/setup', {
      organizationName: 'Evil',
      email: 'evil@example.com',
      password: PASSWORD,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SETUP_COMPLETE');
    expect((await t.client().signIn('evil@example.com', PASSWORD)).status).toBe(401);
  });

  it('lets exactly one of two simultaneous setups win', async () => {
    const attempts = await Promise.all(
      ['a', 'b', 'c'].map((who) =>
        t.client().post('/api/console/setup', { organizationName: who, email: `${who}@example.com`, password: PASSWORD }),
      ),
    );
    expect(attempts.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  });

  it.each([
    [{ organizationName: 'Acme', email: 'not-an-email', password: PASSWORD }, 'email'],
    [{ organizationName: 'Acme', email: ROOT_EMAIL, password: 'short' }, 'password'],
    [{ organizationName: '', email: ROOT_EMAIL, password: PASSWORD }, 'organizationName'],
    [{ email: ROOT_EMAIL, password: PASSWORD }, 'organizationName'],
  ])('rejects %j with 422 naming %s, and creates nothing', async (body, field) => {
    const response = await t.client().post('/api/console/setup', body);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.map((d: { path: string }) => d.path)).toContain(field);
    expect((await t.client().get('/api/console/setup')).body.setupRequired).toBe(true);
  });
});
