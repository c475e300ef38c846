import { describe, expect, it } from 'vitest';
import { PASSWORD, useTestApp } from '../support/test-app';

describe('managing accounts', () => {
  const t = useTestApp();

  it('creates an account that can sign in with its role, never exposing the password', async () => {
    const root = await t.setupRoot();
    const created = await root.post('/api/console/users', {
      email: 'Ops@Example.com',
      name: 'Ops Person',
      role: 'accountant',
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'ops@example.com', name: 'Ops Person', role: 'accountant' });
    expect(JSON.stringify(created.body)).not.toMatch(/password|scrypt/i);

    const list = await root.get('/api/console/users');
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|passwordHash/);
    const signIn = await t.client().signIn('ops@example.com', PASSWORD);
    expect(signIn.body.user.role).toBe('accountant');
  });

  it('refuses a duplicate email with 409', async () => {
    const root = await t.setupRoot();
    await root.post('/api/console/users', { email: 'dup@example.com', role: 'auditor', password: PASSWORD });
    const again = await root.post('/api/console/users', { email: 'DUP@example.com', role: 'admin', password: PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
  });

  it('never creates a second Root, whoever asks', async () => {
    const root = await t.setupRoot();
    const admin = await t.signedInAs('admin', root);
    for (const client of [root, admin.client]) {
      const response = await client.post('/api/console/users', { email: 'r2@example.com', role: 'root', password: PASSWORD });
      expect(response.status).toBe(422);
    }
    const roots = (await root.get('/api/console/users')).body.users.filter((u: { role: string }) => u.role === 'root');
    expect(roots).toHaveLength(1);
  });

  it('never promotes anyone to Root', async () => {
    const root = await t.setupRoot();
    const admin = await t.signedInAs('admin', root);
    const response = await root.patch(`/api/console/users/${admin.id}`, { role: 'root' });
    expect(response.status).toBe(422);
    expect((await admin.client.get('/api/console/session')).body.user.role).toBe('admin');
  });

  it('protects the Root account from being demoted, disabled or removed', async () => {
    const root = await t.setupRoot();
    const rootId = (await root.get('/api/console/session')).body.user.id;
    const admin = await t.signedInAs('admin', root);

    expect((await admin.client.patch(`/api/console/users/${rootId}`, { role: 'auditor' })).status).toBe(403);
    expect((await admin.client.patch(`/api/console/users/${rootId}`, { disabled: true })).status).toBe(403);
    expect((await admin.client.patch(`/api/console/users/${rootId}`, { name: 'Owned' })).status).toBe(403);
    expect((await admin.client.delete(`/api/console/users/${rootId}`)).status).toBe(403);
    expect((await root.patch(`/api/console/users/${rootId}`, { role: 'admin' })).status).toBe(403);
    expect((await root.delete(`/api/console/users/${rootId}`)).status).toBe(403);

    const me = await root.get('/api/console/session');
    expect(me.body.user).toMatchObject({ role: 'root', disabled: false, name: null });
    // Root may still rename itself.
    expect((await root.patch(`/api/console/users/${rootId}`, { name: 'The Owner' })).body.name).toBe('The Owner');
  });

  it('lets nobody change their own role, disable or remove themselves', async () => {
    const root = await t.setupRoot();
    const admin = await t.signedInAs('admin', root);
    expect((await admin.client.patch(`/api/console/users/${admin.id}`, { role: 'auditor' })).status).toBe(422);
    expect((await admin.client.patch(`/api/console/users/${admin.id}`, { disabled: true })).status).toBe(422);
    expect((await admin.client.delete(`/api/console/users/${admin.id}`)).status).toBe(422);
    expect((await admin.client.get('/api/console/session')).body.user.role).toBe('admin');
  });

  it('lets an Administrator manage other Administrators and every lower role', async () => {
    const root = await t.setupRoot();
    const admin = await t.signedInAs('admin', root);
    const other = await t.signedInAs('admin', root);
    expect((await admin.client.patch(`/api/console/users/${other.id}`, { role: 'project_user' })).status).toBe(200);
    expect((await admin.client.delete(`/api/console/users/${other.id}`)).status).toBe(204);
    expect((await other.client.get('/api/console/session')).status).toBe(401);
  });

  it('removes an account with its sessions', async () => {
    const root = await t.setupRoot();
    const auditor = await t.signedInAs('auditor', root);
    expect((await root.delete(`/api/console/users/${auditor.id}`)).status).toBe(204);
    expect((await auditor.client.get('/api/console/session')).status).toBe(401);
    expect((await root.delete(`/api/console/users/${auditor.id}`)).status).toBe(404);
  });

  it('refuses an empty or unknown change with 422 and changes nothing', async () => {
    const root = await t.setupRoot();
    const user = await t.signedInAs('accountant', root);
    expect((await root.patch(`/api/console/users/${user.id}`, {})).status).toBe(422);
    expect((await root.patch(`/api/console/users/${user.id}`, { role: 'accountant', email: 'x@y.z' })).status).toBe(422);
    expect((await root.patch(`/api/console/users/${user.id}`, { disabled: 'yes' })).status).toBe(422);
    const after = (await root.get('/api/console/users')).body.users.find((u: { id: string }) => u.id === user.id);
    expect(after).toMatchObject({ role: 'accountant', disabled: false });
  });

  it('drops project assignments when an account leaves the project roles', async () => {
    const root = await t.setupRoot();
    const user = await t.signedInAs('project_user', root);
    const projectId = (await root.get('/api/console/projects')).body.projects[0].id;
    await root.put(`/api/console/projects/${projectId}/members/${user.id}`);
    await root.patch(`/api/console/users/${user.id}`, { role: 'accountant' });
    await root.patch(`/api/console/users/${user.id}`, { role: 'project_user' });
    expect((await user.client.get('/api/console/projects')).body.projects).toEqual([]);
  });
});
