import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app';

describe('projects', () => {
  const t = useTestApp();

  it('lets Root create and rename projects; names are unique', async () => {
    const root = await t.setupRoot();
    const created = await root.post('/api/console/projects', { name: 'Factory', description: 'Plant sensors' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Factory', description: 'Plant sensors', members: [] });
    expect((await root.post('/api/console/projects', { name: 'Factory' })).status).toBe(409);
    const renamed = await root.patch(`/api/console/projects/${created.body.id}`, { name: 'Plant' });
    expect(renamed.body.name).toBe('Plant');
    expect((await root.patch(`/api/console/projects/${created.body.id}`, { name: 'default' })).status).toBe(409);
  });

  it('shows project-scoped roles only the projects they are assigned to', async () => {
    const root = await t.setupRoot();
    const factory = (await root.post('/api/console/projects', { name: 'Factory' })).body;
    await root.post('/api/console/projects', { name: 'Fleet' });
    const padmin = await t.signedInAs('project_admin', root);
    const accountant = await t.signedInAs('accountant', root);

    expect((await padmin.client.get('/api/console/projects')).body.projects).toEqual([]);
    const added = await root.put(`/api/console/projects/${factory.id}/members/${padmin.id}`);
    expect(added.body.members.map((m: { userId: string }) => m.userId)).toEqual([padmin.id]);
    const visible = (await padmin.client.get('/api/console/projects')).body.projects;
    expect(visible.map((p: { name: string }) => p.name)).toEqual(['Factory']);
    expect((await accountant.client.get('/api/console/projects')).body.projects).toHaveLength(3);

    await root.delete(`/api/console/projects/${factory.id}/members/${padmin.id}`);
    expect((await padmin.client.get('/api/console/projects')).body.projects).toEqual([]);
  });

  it('assigns only Project Administrators and Project Users', async () => {
    const root = await t.setupRoot();
    const projectId = (await root.get('/api/console/projects')).body.projects[0].id;
    const auditor = await t.signedInAs('auditor', root);
    const response = await root.put(`/api/console/projects/${projectId}/members/${auditor.id}`);
    expect(response.status).toBe(422);
    expect((await root.get('/api/console/projects')).body.projects[0].members).toEqual([]);
  });

  it('answers unknown projects and users with 404', async () => {
    const root = await t.setupRoot();
    const projectId = (await root.get('/api/console/projects')).body.projects[0].id;
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await root.patch(`/api/console/projects/${unknown}`, { name: 'x' })).status).toBe(404);
    expect((await root.put(`/api/console/projects/${projectId}/members/${unknown}`)).status).toBe(404);
  });

  it('refuses names that only look like others: invisible and text-direction characters, named in the answer', async () => {
    const root = await t.setupRoot();
    for (const name of ['de\u200bfault', '\u202etluafed', 'x\u0000y']) {
      const answer = await root.post('/api/console/projects', { name });
      expect(answer.status, JSON.stringify(name)).toBe(422);
      expect(answer.body.details).toEqual([expect.objectContaining({ path: 'name' })]);
    }
    // The same letters in another Unicode form are the same name: NFC before anything compares.
    expect((await root.post('/api/console/projects', { name: 'Cafe\u0301' })).body.name).toBe('Caf\u00e9');
  });
});

