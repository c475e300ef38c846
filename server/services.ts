import { createAccessTester } from './deployment-keys/access-tester';
import { createKeyInventoryService } from './deployment-keys/key-inventory-service';
import { createKeyReviewService } from './key-review/key-review-service';
import { createUsageService } from './usage/usage-service';
import { createMetrics } from './metrics/metrics';
import type { FastifyBaseLogger } from 'fastify';
import type { KeywardConfig } from './config';
import type { ChangeBus, ChangeNotice } from './db/change-bus';
import type { Database } from './db/store';
import { loggableError } from './db/postgres-errors';
import { createGatewayService } from './gateway/gateway-service';
import { createAuthService } from './auth/auth-service';
import { createAttemptGuard } from './auth/attempt-guard';
import { createDeploymentKeysService } from './deployment-keys/deployment-keys-service';
import { createDeploymentsService } from './deployments/deployments-service';
import { createUpstreamPolicy } from './deployments/upstream-policy';
import { createSecretHasher } from './keys/secret-hasher';
import { createCountingWindows } from './http/counting-windows';
import { createTwoFactorService } from './auth/two-factor/two-factor-service';
import { createPasskeyService } from './auth/two-factor/passkey-service';
import { createSsoService } from './sso/sso-service';
import { createTwoFactorPolicyService } from './organization/two-factor-policy-service';
import { createKeyFinderService } from './key-finder/key-finder-service';
import { createKeyPolicyService } from './organization/key-policy-service';
import { createSetupService } from './organization/setup-service';
import { createPlatformKeysService } from './platform-keys/platform-keys-service';
import { createProjectsService } from './projects/projects-service';
import type { ServerKeys } from './secrets/master-key';
import { createSecretBox } from './secrets/secret-box';
import { createTlsService } from './tls/tls-service';
import { createUsersService } from './users/users-service';
import { createAuditService } from './audit/audit-service';
import { accessForUser } from './deployments/deployment-access';
import type { Actor } from './kernel/actor';
import { createPasswordHasher, type ScryptCost } from './kernel/password';
import { sparklines } from './usage/usage-reports';
import { findUserInOrganization } from './users/users-data';
import { deleteSessionsOfUser } from './auth/sessions-data';
import { removeAllMembershipsOf } from './projects/projects-data';

export type ServicesConfig = Pick<KeywardConfig, 'sessionIdleMs' | 'signInLimits' | 'security' | 'deploymentTransitionMs' | 'gateway' | 'usage' | 'metrics' | 'platformApiLimits'>;

/** Every domain service, wired once per app from the store, the keys and the configuration. */
export function createServices(deps: {
  db: Database;
  /** PostgreSQL may be shared by several instances: limits then count in the database. */
  storeKind: 'pglite' | 'postgres';
  config: ServicesConfig;
  keys: ServerKeys;
  changes: ChangeBus;
  now: () => number;
  log: FastifyBaseLogger;
  /** The PostgreSQL pool's numbers, for metrics. */
  poolStats?: () => { total: number; idle: number; waiting: number };
  /** Makes pruned tables' space reusable (the store's reclaim). */
  reclaim: (tables: readonly string[]) => Promise<void>;
  /** Tests only (see createPasswordHasher); PASSWORD_COST otherwise. */
  passwordCost?: ScryptCost;
}) {
  const { db, config, now } = deps;
  const secretBox = createSecretBox(deps.keys.encryptionKey);
  const hasher = createSecretHasher(deps.keys.pepper);
  const passwords = createPasswordHasher(deps.passwordCost);
  const upstreamPolicy = createUpstreamPolicy(config.gateway.upstreamAllow);
  const windows = createCountingWindows({
    db,
    now,
    shared: deps.storeKind === 'postgres',
    ipv6Prefix: config.security.ipv6LimitPrefix,
    onError: (error) => deps.log.warn({ err: loggableError(error) }, 'could not prune old rate-limit counts'),
  });
  // Off by default: nothing on the hot path pays for metrics nobody scrapes.
  const metrics = config.metrics.enabled ? createMetrics({ poolStats: deps.poolStats }) : null;
  const logLastUsedFailure = (error: unknown) => deps.log.warn({ err: loggableError(error) }, 'could not record when a key was last used');
  const gateway = createGatewayService({
    db,
    hasher,
    secretBox,
    upstreamPolicy,
    now,
    limits: { perAddress: config.gateway.failuresPerAddress, perAppId: config.gateway.failuresPerAppId },
    unknownAppIdLookupsPerSecond: config.gateway.unknownAppIdLookupsPerSecond,
    windows,
    onBackgroundError: logLastUsedFailure,
  });
  // Every cache a change notice can make stale, on this instance.
  const invalidate = (notice: ChangeNotice) => {
    gateway.invalidate(notice);
    auth.invalidate(notice);
  };
  // In force here before the change's call returns; on other instances as the notice arrives.
  const announce = async (notice: ChangeNotice) => {
    invalidate(notice);
    await deps.changes.publish(notice);
  };
  // How the gateway and "Test access" read a path: one setting, so they can never disagree.
  const pathPolicy = { encodedSlashKept: config.gateway.allowEncodedSlash };
  const sso = createSsoService({ db, now, secretBox, upstreamPolicy, passwords });
  // Every password and factor, at sign-in and on "Confirm it's you", is judged here.
  const guard = createAttemptGuard({ db, now, limits: config.signInLimits, windows });
  const auth = createAuthService({
    db,
    now,
    sessionIdleMs: config.sessionIdleMs,
    reauthenticationMs: config.security.reauthenticationMs,
    guard,
    announce,
    twoFactor: () => twoFactor,
    ssoOnly: sso.ssoOnlyFor,
    ssoAvailable: sso.availableFor,
    passwords,
  });
  const twoFactor = createTwoFactorService({ db, now, secretBox, hasher, guard, passkeys: createPasskeyService({ db, now }), endSessions: auth.endSessions });
  // On PostgreSQL the first connect resets too (notices before it are unknown), and so loads the filter.
  const changesHeard = deps.changes.subscribe(invalidate, () => {
    gateway.clear();
    auth.clear();
  });
  const keyPolicy = createKeyPolicyService({ db, now });
  /** Listening for changes, and the known-App-ID filter read: what the server waits for before it listens. */
  const ready = async () => {
    await changesHeard;
    await gateway.ready();
  };
  const deployments = createDeploymentsService({ db, now, secretBox, upstreamPolicy, transitionMs: config.deploymentTransitionMs, announce });
  return {
    ready,
    windows,
    // Signed-out calls that store something for a while (a WebAuthn challenge, an SSO attempt).
    signInChallenges: windows.create('sign_in.challenges_by_address', { max: 30, windowMs: 60_000 }, { perClientNetwork: true }),
    auth,
    twoFactor,
    twoFactorPolicy: createTwoFactorPolicyService({ db }),
    sso,
    setup: createSetupService({ db, passwords }),
    users: createUsersService({ db, announce, endSessionsOf: deleteSessionsOfUser, dropMembershipsOf: removeAllMembershipsOf, passwords }),
    projects: createProjectsService({ db, findAccount: findUserInOrganization }),
    deployments,
    tls: createTlsService({ db, now, secretBox, deployments }),
    deploymentKeys: createDeploymentKeysService({ db, now, hasher, deployments, keyPolicy, announce }),
    keyPolicy,
    // What a signed-in account may see and do with deployments (projects, role), for every console route.
    deploymentAccess: { forUser: (actor: Actor) => accessForUser(db, actor) },
    audit: createAuditService({ db }),
    keyFinder: createKeyFinderService({ db, hasher, now }),
    accessTester: createAccessTester({ deployments, pathPolicy }),
    pathPolicy,
    keyInventory: createKeyInventoryService({ db, now, sparklines }),
    keyReview: createKeyReviewService({ db, now }),
    metrics,
    usage: createUsageService({
      db,
      now,
      onFlushed: () => metrics?.flushed(),
      deployments,
      recording: config.usage.recording,
      flushMs: config.usage.flushMs,
      retention: config.usage.retention,
      reclaim: deps.reclaim,
      onError: (error) => deps.log.warn({ err: loggableError(error) }, 'could not record key usage'),
    }),
    gateway,
    upstreamPolicy,
    platformKeys: createPlatformKeysService({
      db,
      now,
      hasher,
      keyPolicy,
      failures: {
        byAddress: windows.create('platform.failures_by_address', config.platformApiLimits.failures, { perClientNetwork: true }),
        byPublicId: windows.create('platform.failures_by_key', config.platformApiLimits.failuresPerKey),
        unknown: {
          byAddress: windows.create('platform.unknown_by_address', config.platformApiLimits.failures, { perClientNetwork: true, local: true }),
          byPublicId: windows.create('platform.unknown_by_key', config.platformApiLimits.failuresPerKey, { local: true }),
        },
      },
      onBackgroundError: logLastUsedFailure,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
