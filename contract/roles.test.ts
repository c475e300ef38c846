import { describe, expect, it } from 'vitest';
import { can, ROLES, rolesGrantableBy } from './roles';

describe('role capabilities', () => {
  it('gives account and project management to Root and Administrator only', () => {
    const managers = ROLES.filter((role) => can(role, 'manageAccounts'));
    expect(managers).toEqual(['root', 'admin']);
    expect(ROLES.filter((role) => can(role, 'manageProjects'))).toEqual(['root', 'admin']);
    expect(ROLES.filter((role) => can(role, 'managePlatformKeys'))).toEqual(['root', 'admin']);
  });

  it('lets the Auditor read the account list but not change it', () => {
    expect(can('auditor', 'viewAccounts')).toBe(true);
    expect(can('auditor', 'manageAccounts')).toBe(false);
    expect(can('accountant', 'viewAccounts')).toBe(false);
  });

  it('limits Project Administrators and Project Users to their projects', () => {
    expect(ROLES.filter((role) => !can(role, 'seesEveryProject'))).toEqual(['project_admin', 'project_user']);
  });

  it('never lets anyone grant Root, and lets only managers grant anything', () => {
    for (const role of ROLES) expect(rolesGrantableBy(role)).not.toContain('root');
    expect(rolesGrantableBy('admin')).toContain('admin');
    expect(rolesGrantableBy('project_admin')).toEqual([]);
    expect(rolesGrantableBy('auditor')).toEqual([]);
  });
});
