import { catalogIdFor, type CatalogId } from '../../contract/endpoint-catalog';
import type { DeploymentType } from '../../contract/deployment-types';
import type { RateWindow } from '../http/sliding-window-limiter';
import type { ChangeNotice } from '../db/change-bus';
import type { Database } from '../db/store';
import { countKeys, findKeyByAppId, forEachAppId, permissionsOf, setKeyLastUsed, type DeploymentKeyRow } from '../deployment-keys/deployment-keys-data';
import { createKnownAppIds } from './known-app-ids';
import { findDeploymentById } from '../deployments/deployments-data';
import type { CountingWindows } from '../http/counting-windows';
import type { SecretHasher } from '../keys/secret-hasher';
import type { KeyLifecycleState } from '../keys/key-lifecycle';
import { createKeyAuthenticator, type KeyAuthRefusal } from '../keys/key-authentication';
import { createLastUsedTracker } from '../platform-keys/last-used-tracker';
import type { SecretBox } from '../secrets/secret-box';
import { basicToken } from '../keys/basic-credentials';
import { InvalidatingCache } from '../db/invalidating-cache';
import { bareHostName, type UpstreamPolicy } from '../deployments/upstream-policy';
import { isIP } from 'node:net';

export interface VerifiedKey {
  id: string;
  appId: string;
  deploymentId: string;
  fullAccess: boolean;
  /** "METHOD /template" pairs. */
  permissions: ReadonlySet<string>;
  /** Expiry, disabled, allowed addresses: compared with the clock and address per request. */
  lifecycle: KeyLifecycleState;
  /** Which of the key's secrets these credentials hold; a rolled one works until `validUntil`. */
  secret: 'current' | 'previous';
  validUntil: number | null;
}

/** Retry-After on a stopped deployment's 503: long enough not to hammer, short enough to notice a start. */
const STOPPED_RETRY_AFTER_SECONDS = 60;

export interface GatewayDeployment {
  id: string;
  organizationId: string;
  type: DeploymentType;
  catalogId: CatalogId;
  /** The stored target status and when it settles (null: settled). */
  status: 'running' | 'stopped';
  settlesAt: number | null;
  upstream: GatewayUpstream | null;
}

/** Where a deployment's calls go, taken apart once when the deployment is read (URL's getters build strings). */
export interface GatewayUpstream {
  /** `http://host:port`, for undici's pool, which sends its host and port as the Host header. */
  origin: string;
  /** The upstream URL's path without its trailing slash: forwarded paths go below it. */
  basePath: string;
  authorization: string;
  /** A literal address outside KEYWARD_UPSTREAM_ALLOW. */
  refused: boolean;
}

/** Roughly what one cached key costs: its token, its grants, the object around them. */
const weighVerifiedKey = (token: string, key: VerifiedKey) => 2 * token.length + 96 * key.permissions.size + 512;

/** A name is checked as it resolves, at connection time; a literal address can be checked once. */
function refusesLiteralAddress(policy: UpstreamPolicy, url: URL): boolean {
  const host = bareHostName(url);
  return isIP(host) !== 0 && !policy.allowsAddress(host);
}

export type Authentication =
  | { outcome: 'verified'; key: VerifiedKey }
  /** `knownAppId`: the App ID is one of this deployment's keys (its secret was wrong, or it is refused), for usage. */
  | { outcome: 'refused'; refusal: KeyAuthRefusal; knownAppId?: string | undefined };

/**
 * Who is calling, and which deployment they call, for every Deployment API request. Verified
 * credentials and deployments are cached in process so a valid call costs no database round
 * trip; every change to a key or deployment drops what it touched, here at once and on every
 * other instance through the change bus.
 */
export function createGatewayService(deps: {
  db: Database;
  hasher: SecretHasher;
  secretBox: SecretBox;
  upstreamPolicy: UpstreamPolicy;
  now: () => number;
  limits: { perAddress: RateWindow; perAppId: RateWindow };
  /** Where the failure limits count (shared by every instance on PostgreSQL). */
  windows: CountingWindows;
  cacheSize?: number;
  /** Database lookups per second for App IDs the known-App-ID filter has never seen. */
  unknownAppIdLookupsPerSecond: number;
  /** What verified credentials may hold in memory together, roughly, in bytes. */
  cacheBytes?: number;
  onBackgroundError: (error: unknown) => void;
}) {
  const { db, hasher, secretBox, now } = deps;
  const size = deps.cacheSize ?? 200_000;
  // Keyed by the credential's one canonical Basic token (server/keys/basic-credentials.ts); a key
  // goes with its own change and with its deployment's deletion.
  const keys = new InvalidatingCache<VerifiedKey>(
    { maxEntries: size, maxWeight: deps.cacheBytes ?? 256 * 1024 * 1024, weigh: weighVerifiedKey },
    (key, notice) => (notice.kind === 'key' ? key.appId === notice.id : notice.kind === 'deployment' && key.deploymentId === notice.id),
  );
  const deployments = new InvalidatingCache<GatewayDeployment>({ maxEntries: size }, (deployment, notice) => notice.kind === 'deployment' && deployment.id === notice.id);
  const failuresByAddress = deps.windows.create('gateway.failures_by_address', deps.limits.perAddress, { perClientNetwork: true });
  const failuresByAppId = deps.windows.create('gateway.failures_by_app_id', deps.limits.perAppId);
  // Credentials that name no stored key are load, not guessing: counted here alone.
  const unknown = {
    byAddress: deps.windows.create('gateway.unknown_by_address', deps.limits.perAddress, { perClientNetwork: true, local: true }),
    byPublicId: deps.windows.create('gateway.unknown_by_app_id', deps.limits.perAppId, { local: true }),
  };
  const lastUsed = createLastUsedTracker({ now, write: (id, at, use) => setKeyLastUsed(db, id, at, use), onError: deps.onBackgroundError });

  const knownAppIds = createKnownAppIds({
    load: (each) => forEachAppId(db, each),
    count: () => countKeys(db),
    now,
    unknownLookupsPerSecond: deps.unknownAppIdLookupsPerSecond,
    onError: deps.onBackgroundError,
  });

  // What reaches the database for uncached credentials, and what the filter answered alone.
  const lookups = { database: 0, filtered: 0 };
  const authenticator = createKeyAuthenticator<DeploymentKeyRow>({
    hasher,
    now,
    mayExist: (appId) => {
      const worthIt = knownAppIds.mayExist(appId);
      if (!worthIt) lookups.filtered++;
      return worthIt;
    },
    lookup: async (appId) => {
      lookups.database++;
      const row = await findKeyByAppId(db, appId);
      // Found though the filter said no (created a moment ago elsewhere): it knows it now.
      if (row) knownAppIds.add(row.appId);
      return row;
    },
    failures: { byAddress: failuresByAddress, byPublicId: failuresByAppId, unknown },
  });

  async function verifiedKey(row: DeploymentKeyRow, secret: 'current' | 'previous', lifecycle: KeyLifecycleState): Promise<VerifiedKey> {
    const permissions = row.fullAccess ? [] : ((await permissionsOf(db, [row.id])).get(row.id) ?? []);
    return {
      id: row.id,
      appId: row.appId,
      deploymentId: row.deploymentId,
      fullAccess: row.fullAccess,
      permissions: new Set(permissions.map((p) => `${p.method} ${p.path}`)),
      lifecycle,
      secret,
      validUntil: secret === 'previous' ? row.previousSecretExpiresAt!.getTime() : null,
    };
  }

  return {
    /** The hot path: credentials verified before, with no promise and no database. */
    cachedKey(authorization: string | undefined, deploymentId: string): VerifiedKey | undefined {
      const token = basicToken(authorization);
      const cached = token === undefined ? undefined : keys.get(token);
      if (!cached || cached.deploymentId !== deploymentId) return undefined;
      // A rolled secret whose grace has ended is unknown again: the database will say so.
      if (cached.validUntil !== null && now() >= cached.validUntil) return undefined;
      return cached;
    },

    /** Why a key verified before is still refused here and now (expired, disabled, address), if it is. */
    admits: (key: VerifiedKey, address: string): KeyAuthRefusal | undefined => authenticator.admits(key.lifecycle, address),

    /** Records a use that was let through. */
    used(key: VerifiedKey, address: string): void {
      lastUsed.touch(key.id, { address, secret: key.secret });
    },

    /**
     * Anything not cached goes through the one key-authentication pipeline (server/keys), which
     * answers before any work when the client's network has failed too often lately. A verified
     * key is cached with its grants, unless a change to it was announced meanwhile.
     */
    async authenticate(authorization: string | undefined, address: string, deploymentId: string): Promise<Authentication> {
      const cached = this.cachedKey(authorization, deploymentId);
      if (cached) return { outcome: 'verified', key: cached };
      const epoch = keys.begin();
      const result = await authenticator.authenticate(authorization, address, (row) => row.deploymentId === deploymentId);
      if (result.outcome === 'refused') return { outcome: 'refused', refusal: result.refusal, knownAppId: result.known?.appId };
      const key = await verifiedKey(result.row, result.secret, result.lifecycle);
      keys.fill(result.credentials.token, key, epoch);
      return { outcome: 'verified', key };
    },

    cachedDeployment: (id: string): GatewayDeployment | undefined => deployments.get(id),

    /** How many verified credentials and deployments this instance holds in memory. */
    cacheSizes: () => ({ credentials: keys.size, deployments: deployments.size }),

    async deployment(id: string): Promise<GatewayDeployment | undefined> {
      const cached = deployments.get(id);
      if (cached) return cached;
      const epoch = deployments.begin();
      const row = await findDeploymentById(db, id);
      if (!row) return undefined;
      const url = row.upstreamUrl ? new URL(row.upstreamUrl) : undefined;
      const upstream: GatewayUpstream | null =
        url && row.upstreamApiKey && row.upstreamSecretSealed
          ? {
              origin: url.origin,
              basePath: url.pathname.replace(/\/$/, ''),
              authorization: `Basic ${Buffer.from(`${row.upstreamApiKey}:${secretBox.open(row.upstreamSecretSealed)}`).toString('base64')}`,
              refused: refusesLiteralAddress(deps.upstreamPolicy, url),
            }
          : null;
      const deployment: GatewayDeployment = {
        id: row.id,
        organizationId: row.organizationId,
        type: row.type as DeploymentType,
        catalogId: catalogIdFor(row.type as DeploymentType),
        status: row.status as 'running' | 'stopped',
        settlesAt: row.statusSettlesAt?.getTime() ?? null,
        upstream,
      };
      deployments.fill(id, deployment, epoch);
      return deployment;
    },

    /** Running now? Starting and stopping deployments do not serve. */
    isServing(deployment: GatewayDeployment): boolean {
      return deployment.status === 'running' && (deployment.settlesAt === null || deployment.settlesAt <= now());
    },

    /**
     * When a client may try a deployment that is not serving again (Retry-After): when a start
     * settles, or, stopped or stopping, in a minute (someone has to start it).
     */
    retryAfterSeconds(deployment: GatewayDeployment): number {
      const starting = deployment.status === 'running' && deployment.settlesAt !== null;
      return starting ? Math.max(1, Math.ceil((deployment.settlesAt! - now()) / 1000)) : STOPPED_RETRY_AFTER_SECONDS;
    },

    /**
     * Resolves once the known-App-ID filter is read (or could not be: then every id is looked
     * up). The server waits for it before it listens, so junk is judged alike from the first request.
     */
    ready: () => knownAppIds.ready(),

    /** Credential lookups that reached the database, those the known-App-ID filter answered, and whether it is loaded. */
    lookupCounts: () => ({ ...lookups, filterLoaded: knownAppIds.loaded }),

    invalidate(notice: ChangeNotice): void {
      keys.invalidate(notice);
      deployments.invalidate(notice);
      if (notice.kind === 'key' || notice.kind === 'new_key') knownAppIds.add(notice.id);
    },

    clear(): void {
      keys.clear();
      deployments.clear();
      knownAppIds.reset();
    },
  };
}

export type GatewayService = ReturnType<typeof createGatewayService>;
