import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app';

describe('errors and health', () => {
  const t = useTestApp();

  it('answers /healthz once storage is ready', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const root = await t.setupRoot();
    const response = await root.get('/api/console/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
  });

  it('answers malformed JSON with 400 and changes nothing', async () => {
    const root = await t.setupRoot();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/console/projects',
      headers: {
        host: 'keyward.test',
        origin: 'http://keyward.test',
        'x-keyward-csrf': '1',
        'content-type': 'application/json',
        cookie: `keyward_session=${root.cookie}`,
      },
      payload: '{"name": "half',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BAD_REQUEST', message: expect.any(String) });
    expect((await root.get('/api/console/projects')).body.projects).toHaveLength(1);
  });

  it('answers a body of the wrong shape with 422 naming the fields', async () => {
    const root = await t.setupRoot();
    const response = await root.post('/api/console/users', { email: 42, role: 'wizard' });
    expect(response.status).toBe(422);
    const paths = response.body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'role', 'password']));
    expect((await root.get('/api/console/users')).body.users).toHaveLength(1);
  });

  it('treats a malformed id as an unknown object', async () => {
    const root = await t.setupRoot();
    expect((await root.patch('/api/console/users/not-a-uuid', { name: 'x' })).status).toBe(404);
  });

  it('sends security headers on API answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/console/setup' });
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline\'; script');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });
});
