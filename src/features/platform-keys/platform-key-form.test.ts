import { describe, expect, it } from 'vitest';
import {
  platformKeyFormSchema,
  toPlatformKeyForm,
  toPlatformKeyRequest,
} from './platform-key-form';

describe('platform key form', () => {
  it('sends null for all projects and the chosen ids otherwise', () => {
    const base = {
      note: ' CI ',
      scopes: ['deployment_management' as const],
      projectIds: ['p1'],
    };
    expect(
      toPlatformKeyRequest(platformKeyFormSchema.parse({ ...base, projectScope: 'all' })),
    ).toEqual({
      note: 'CI',
      scopes: ['deployment_management'],
      projectIds: null,
    });
    expect(
      toPlatformKeyRequest(platformKeyFormSchema.parse({ ...base, projectScope: 'selected' }))
        .projectIds,
    ).toEqual(['p1']);
  });

  it('needs a functionality, and a project when the scope is a selection', () => {
    const result = platformKeyFormSchema.safeParse({
      note: '',
      scopes: [],
      projectScope: 'selected',
      projectIds: [],
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'projectIds',
      'scopes',
    ]);
  });

  it('round-trips a key into the edit form', () => {
    const form = toPlatformKeyForm({
      id: 'x',
      key: 'kwk_x',
      note: 'n',
      labels: { team: 'ops', env: 'prod' },
      scopes: ['project_management'],
      projects: [{ id: 'p1', name: 'default' }],
      createdBy: 'a@b.c',
      createdAt: '',
      expiresAt: null,
      disabled: false,
      allowedAddresses: [],
      previousSecretValidUntil: null,
      lastUsedAddress: null,
      lastUsedSecret: null,
      lastUsedAt: null,
    });
    expect(form).toEqual({
      note: 'n',
      scopes: ['project_management'],
      projectScope: 'selected',
      projectIds: ['p1'],
    });
  });
});
