/**
 * EMQX Platform's own roles ("Roles and Permissions"). The wire names are stable identifiers;
 * the SPA translates them for display. Kept free of zod so the SPA's first load can use the
 * rules without the schema library (the schemas are in role-schema.ts).
 */
export const ROLES = ['root', 'admin', 'project_admin', 'project_user', 'accountant', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an account can be given through the Users page: there is exactly one Root, made at setup. */
export type AssignableRole = Exclude<Role, 'root'>;
export const ASSIGNABLE_ROLES = ROLES.filter((role): role is AssignableRole => role !== 'root');

/** Roles whose reach is limited to the projects they are assigned to. */
export const PROJECT_SCOPED_ROLES: readonly Role[] = ['project_admin', 'project_user'];

const ACCOUNT_MANAGERS: readonly Role[] = ['root', 'admin'];

/**
 * What each role may do, as one table the server enforces and the SPA mirrors (to hide what a
 * role may never use). Project-scoped rules (which project) are the server's to check.
 */
export const capabilities = {
  manageAccounts: (role: Role) => ACCOUNT_MANAGERS.includes(role),
  viewAccounts: (role: Role) => ACCOUNT_MANAGERS.includes(role) || role === 'auditor',
  manageProjects: (role: Role) => ACCOUNT_MANAGERS.includes(role),
  managePlatformKeys: (role: Role) => ACCOUNT_MANAGERS.includes(role),
  /** Organisation settings: the key policy. */
  manageSettings: (role: Role) => ACCOUNT_MANAGERS.includes(role),
  viewAuditLog: (role: Role) => ACCOUNT_MANAGERS.includes(role) || role === 'auditor',
  /** The Key review page: keys worth a second look, and marking them reviewed. */
  reviewKeys: (role: Role) => ACCOUNT_MANAGERS.includes(role) || role === 'auditor',
  seesEveryProject: (role: Role) => !PROJECT_SCOPED_ROLES.includes(role),
  /** Create, rename, start/stop and delete deployments (in their projects, for project roles). */
  operateDeployments: (role: Role) => ACCOUNT_MANAGERS.includes(role) || role === 'project_admin',
  /**
   * Set or change where a deployment's gateway forwards. The upstream URL makes Keyward's server
   * connect somewhere, so it is the organisation's administrators' call, not a project's.
   */
  configureUpstreams: (role: Role) => ACCOUNT_MANAGERS.includes(role),
  /** Clear another account's second factors (never Root's: Root recovers with a recovery code or the CLI). */
  resetTwoFactor: (role: Role) => role === 'root',
  /** Use a deployment's configuration: TLS certificates and Deployment API Keys. */
  configureDeployments: (role: Role) => ACCOUNT_MANAGERS.includes(role) || PROJECT_SCOPED_ROLES.includes(role),
} as const;

export type Capability = keyof typeof capabilities;

export function can(role: Role, capability: Capability): boolean {
  return capabilities[capability](role);
}

/**
 * Nobody grants a role above their own: Root and Administrators may hand out every role but
 * Root; everyone else grants nothing.
 */
export function rolesGrantableBy(role: Role): readonly AssignableRole[] {
  return can(role, 'manageAccounts') ? ASSIGNABLE_ROLES : [];
}
