import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  doublePrecision,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { KeyAttributes } from '../../contract/key-attributes';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * What bounds an API key in time and place, the same for both kinds: when it expires, whether it
 * is switched off, which client addresses may use it, the secret a roll replaced (valid until
 * its grace ends), and where and with which secret it was last used.
 */
const keyLifecycleColumns = () => ({
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  disabled: boolean('disabled').notNull().default(false),
  // IPv4/IPv6 addresses and CIDR ranges; empty: anywhere.
  allowedAddresses: jsonb('allowed_addresses').$type<string[]>().notNull().default([]),
  previousSecretHash: text('previous_secret_hash'),
  previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
  lastUsedAddress: text('last_used_address'),
  lastUsedSecret: text('last_used_secret'),
});

/**
 * The attributes both kinds carry the same way (contract/key-attributes.ts has their rules): one
 * column each, spread into both key tables. Labels: `{"team":"payments"}`.
 */
const keyAttributeColumns = () => ({
  labels: jsonb('labels').$type<KeyAttributes['labels']>().notNull().default({}),
}) satisfies Record<keyof KeyAttributes, unknown>;

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
  // Key policy (Settings): null, no maximum; new keys and rolls obey it, existing keys keep theirs.
  maxKeyLifetimeDays: integer('max_key_lifetime_days'),
  allowNeverExpiringKeys: boolean('allow_never_expiring_keys').notNull().default(true),
  // Who must have a second factor to sign in: 'off', 'admins' (Root and Administrators), 'everyone'.
  twoFactorPolicy: text('two_factor_policy').notNull().default('off'),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name'),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('users_email_unique').on(table.email),
    // Exactly one Root account per installation, enforced by the database so that two
    // concurrent setup requests cannot both win.
    uniqueIndex('users_single_root').on(table.role).where(sql`role = 'root'`),
    check(
      'users_role_valid',
      sql`${table.role} in ('root','admin','project_admin','project_user','accountant','auditor')`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the cookie value: a database leak does not hand out live sessions.
    idHash: text('id_hash').primaryKey(),
    // What the account's Security page names the session by; never the cookie or its hash.
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // 'active'; 'second_factor' after a right password until a code or passkey; 'factor_setup'
    // when the organisation requires a second factor the account does not have yet.
    stage: text('stage').notNull().default('active'),
    userAgent: text('user_agent'),
    address: text('address'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    // When the person at this session last proved it was them again (password, a factor, or
    // their identity provider); a sensitive change needs this, or the sign-in, to be recent.
    reauthenticatedAt: timestamp('reauthenticated_at', { withTimezone: true }),
  },
  (table) => [index('sessions_user_id').on(table.userId), uniqueIndex('sessions_id_unique').on(table.id)],
);

/** An account's authenticator app (RFC 6238): sealed seed, active once a code confirmed it. */
export const totpAuthenticators = pgTable('totp_authenticators', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretSealed: text('secret_sealed').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  // Where the app was turned on from (the Security page shows it beside when).
  confirmedAddress: text('confirmed_address'),
  // The 30-second step of the last code accepted: a code is good once.
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** Passkeys and security keys (WebAuthn): a public key per credential, nothing secret. */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // base64url, as WebAuthn names credentials.
    credentialId: text('credential_id').notNull(),
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    name: text('name').notNull(),
    createdAt: createdAt(),
    // Where it was added from (the Security page shows it beside when).
    createdAddress: text('created_address'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('passkeys_credential_id_unique').on(table.credentialId), index('passkeys_user_id').on(table.userId)],
);

/**
 * WebAuthn challenges between the options and the answer: in the database so the answer may
 * reach another instance, and taken (deleted) on use so none is good twice.
 */
export const webauthnChallenges = pgTable('webauthn_challenges', {
  id: uuid('id').primaryKey(),
  challenge: text('challenge').notNull(),
  // The account it is for; null for a passkey sign-in, where the passkey names the account.
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
  purpose: text('purpose').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** The organisation's OpenID Connect provider (Settings): single sign-on for the console. */
export const ssoSettings = pgTable('sso_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecretSealed: text('client_secret_sealed').notNull(),
  // Lower-case email domains whose verified addresses may sign in; empty: any.
  allowedDomains: jsonb('allowed_domains').$type<string[]>().notNull().default([]),
  defaultRole: text('default_role').notNull(),
  // Accounts other than Root may then sign in with SSO only.
  ssoOnly: boolean('sso_only').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A sign-in sent to the provider and not back yet: its state, nonce and PKCE verifier. */
export const ssoAttempts = pgTable('sso_attempts', {
  state: text('state').primaryKey(),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  redirectUri: text('redirect_uri').notNull(),
  // Set when the attempt re-authenticates a signed-in session (its public id) instead of signing in.
  reauthSessionId: uuid('reauth_session_id'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * Rate and failure limits shared by every instance on one PostgreSQL (the embedded store counts
 * in memory): one row per counted event, per limit and key (an address, an email, an App ID).
 */
export const rateLimitEvents = pgTable(
  'rate_limit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    limiter: text('limiter').notNull(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [index('rate_limit_events_key_at').on(table.limiter, table.key, table.at), index('rate_limit_events_at').on(table.at)],
);

/** One-time recovery codes, kept only as keyed hashes; a used one stays, marked. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index('recovery_codes_user_id').on(table.userId)],
);

/**
 * Addresses an account has signed in from: failures from elsewhere never block the real user
 * there (server/auth/attempt-guard.ts). Stored by network: an IPv6 client by its /64.
 */
export const signInAddresses = pgTable(
  'sign_in_addresses',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.address] })],
);

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('projects_org_name_unique').on(table.organizationId, table.name)],
);

export const projectMembers = pgTable(
  'project_members',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.userId] }),
    index('project_members_user_id').on(table.userId),
  ],
);

export const deployments = pgTable(
  'deployments',
  {
    // EMQX Platform style: 8 lowercase characters, shown as "Deployment ID" and used in URLs.
    id: text('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    type: text('type').notNull(),
    emqxVersion: text('emqx_version').notNull(),
    region: text('region').notNull(),
    // The plan's limits, which EMQX Platform reports as "connections" and "tps".
    maxConnections: integer('max_connections').notNull().default(1000),
    maxTps: integer('max_tps').notNull().default(1000),
    // The status a start/stop settles to, and when; before then it reads starting/stopping.
    status: text('status').notNull(),
    statusSettlesAt: timestamp('status_settles_at', { withTimezone: true }),
    upstreamUrl: text('upstream_url'),
    upstreamApiKey: text('upstream_api_key'),
    upstreamSecretSealed: text('upstream_secret_sealed'),
    createdAt: createdAt(),
  },
  (table) => [
    index('deployments_org_project').on(table.organizationId, table.projectId),
    // The console's pages walk deployments in creation order.
    index('deployments_org_created').on(table.organizationId, table.createdAt, table.id),
    check('deployments_type_valid', sql`${table.type} in ('serverless','dedicated_v4','dedicated_v5','dedicated_flex','byoc')`),
    check('deployments_status_valid', sql`${table.status} in ('running','stopped')`),
  ],
);

export const tlsCertificates = pgTable('tls_certificates', {
  deploymentId: text('deployment_id')
    .primaryKey()
    .references(() => deployments.id, { onDelete: 'cascade' }),
  tlsType: text('tls_type').notNull(),
  certPem: text('cert_pem').notNull(),
  keySealed: text('key_sealed').notNull(),
  caCertPem: text('ca_cert_pem'),
  subject: text('subject').notNull(),
  subjectAltNames: jsonb('subject_alt_names').$type<string[]>().notNull(),
  issuer: text('issuer').notNull(),
  validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
  validTo: timestamp('valid_to', { withTimezone: true }).notNull(),
  fingerprint256: text('fingerprint256').notNull(),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const platformApiKeys = pgTable(
  'platform_api_keys',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    keyId: text('key_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    note: text('note').notNull().default(''),
    ...keyAttributeColumns(),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    // null: every project, now and later.
    projectIds: jsonb('project_ids').$type<string[] | null>(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdByEmail: text('created_by_email').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    ...keyLifecycleColumns(),
  },
  (table) => [
    uniqueIndex('platform_api_keys_key_id').on(table.keyId),
    index('platform_api_keys_org').on(table.organizationId),
    // "Find key by secret" looks keys up by their keyed hash.
    index('platform_api_keys_secret_hash').on(table.secretHash),
    index('platform_api_keys_previous_secret_hash').on(table.previousSecretHash),
  ],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    targetLabel: text('target_label'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    address: text('address'),
  },
  (table) => [index('audit_events_org_at').on(table.organizationId, table.at, table.id)],
);

export const deploymentApiKeys = pgTable(
  'deployment_api_keys',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    deploymentId: text('deployment_id')
      .notNull()
      .references(() => deployments.id, { onDelete: 'cascade' }),
    appId: text('app_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    note: text('note').notNull().default(''),
    ...keyAttributeColumns(),
    // Serverless keys and legacy v4 keys reach every endpoint of their catalog; others hold grants.
    fullAccess: boolean('full_access').notNull(),
    legacy: boolean('legacy').notNull().default(false),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdByLabel: text('created_by_label'),
    // Legacy keys were created before Keyward knew them: no creation time.
    createdAt: timestamp('created_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    // Bumped by every edit; an edit names the version it started from (409 when stale).
    version: integer('version').notNull().default(1),
    ...keyLifecycleColumns(),
  },
  (table) => [
    uniqueIndex('deployment_api_keys_app_id').on(table.appId),
    // A deployment's key list, a page at a time in its order (oldest first, legacy keys first).
    index('deployment_api_keys_deployment_order').on(table.deploymentId, sql`coalesce(${table.createdAt}, '-infinity'::timestamptz)`, table.appId),
    // The API Keys inventory, newest first: its first page reads 50 index entries, not a million rows.
    index('deployment_api_keys_org_order').on(table.organizationId, sql`coalesce(${table.createdAt}, '-infinity'::timestamptz)`, table.id),
    index('deployment_api_keys_secret_hash').on(table.secretHash),
    index('deployment_api_keys_previous_secret_hash').on(table.previousSecretHash),
    // The API Keys inventory filters on labels (`labels @> {"team":"payments"}`, `labels ? 'env'`).
    index('deployment_api_keys_labels').using('gin', table.labels),
    // ... and searches App ID and note anywhere in them, any case (`lower(x) like '%...%'`).
    index('deployment_api_keys_app_id_search').using('gin', sql`lower(${table.appId}) gin_trgm_ops`),
    index('deployment_api_keys_note_search').using('gin', sql`lower(${table.note}) gin_trgm_ops`),
  ],
);

export const deploymentKeyPermissions = pgTable(
  'deployment_key_permissions',
  {
    keyId: uuid('key_id')
      .notNull()
      .references(() => deploymentApiKeys.id, { onDelete: 'cascade' }),
    method: text('method').notNull(),
    path: text('path').notNull(),
  },
  (table) => [primaryKey({ columns: [table.keyId, table.method, table.path] })],
);

/**
 * Requests per key, endpoint template, method and outcome: minute buckets (kept 48 hours) rolled
 * up into hour buckets (kept 90 days). Rows are additive, so every instance adds its own counts;
 * a key is named by its App ID or Key, not a reference, so its usage outlives its deletion.
 */
export const keyUsage = pgTable(
  'key_usage',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    granularity: text('granularity').notNull(),
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    keyKind: text('key_kind').notNull(),
    keyLabel: text('key_label').notNull(),
    /** The Deployment API Key's deployment ('' for Platform API Keys). */
    deploymentId: text('deployment_id').notNull(),
    /** The endpoint template ('' when the request was refused before routing). */
    endpoint: text('endpoint').notNull(),
    method: text('method').notNull(),
    outcome: text('outcome').notNull(),
    requests: bigint('requests', { mode: 'number' }).notNull(),
    /** Sums over the bucket's requests, in milliseconds: the time Keyward added, and the upstream's. */
    keywardMs: doublePrecision('keyward_ms').notNull(),
    upstreamMs: doublePrecision('upstream_ms').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.granularity, table.bucket, table.keyKind, table.keyLabel, table.endpoint, table.method, table.outcome] }),
    index('key_usage_key').on(table.keyKind, table.keyLabel, table.granularity, table.bucket),
    index('key_usage_deployment').on(table.deploymentId, table.granularity, table.bucket),
  ],
);

/** Where each key was called from, and when last: the key's Usage view shows the latest 20. */
export const keyClientAddresses = pgTable(
  'key_client_addresses',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    keyKind: text('key_kind').notNull(),
    keyLabel: text('key_label').notNull(),
    address: text('address').notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.keyKind, table.keyLabel, table.address] })],
);

/** Keys someone marked reviewed on the Key review page (a key's kind and id; stale rows of deleted keys are ignored). */
export const keyReviews = pgTable(
  'key_reviews',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    keyKind: text('key_kind').notNull(),
    keyId: uuid('key_id').notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull(),
    reviewedBy: text('reviewed_by').notNull(),
  },
  (table) => [primaryKey({ columns: [table.keyKind, table.keyId] })],
);

/** The attribute columns of either key table, for selects that name their columns. */
export function keyAttributeFieldsOf(table: typeof deploymentApiKeys | typeof platformApiKeys) {
  return { labels: table.labels } satisfies Record<keyof KeyAttributes, unknown>;
}
