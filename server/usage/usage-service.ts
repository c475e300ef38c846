import type { KeyDayActivity, KeyUsageReport, UsageRange, UsageSeries } from '../../contract/usage';
import type { DeploymentAccess } from '../deployments/deployment-access';
import type { DeploymentsService } from '../deployments/deployments-service';
import type { Database } from '../db/store';
import { appIdsOfDeployment, findKeyOfDeployment } from '../deployment-keys/deployment-keys-data';
import type { Actor } from '../kernel/actor';
import { NotFoundError } from '../http/domain-errors';
import { findPlatformKey, listPlatformKeys } from '../platform-keys/platform-keys-data';
import { createUsageRecorder, type UsageEvent } from './usage-recorder';
import { deploymentUsage, keyUsageReport, sparklines } from './usage-reports';
import { rollUpUsage, USAGE_TABLES, type UsageRetention } from './usage-retention';

const ROLL_UP_EVERY_MS = 10 * 60_000;

/**
 * Per-key usage: counted in memory on the request path, flushed in batches, rolled up and pruned
 * on a timer, and read back for the console, for those who may see the key.
 */
export function createUsageService(deps: {
  db: Database;
  now: () => number;
  deployments: DeploymentsService;
  recording: boolean;
  flushMs: number;
  retention: UsageRetention;
  /** Makes the space of the rows a roll-up deleted reusable (the embedded store vacuums). */
  reclaim: (tables: readonly string[]) => Promise<void>;
  onError: (error: unknown) => void;
  onFlushed?: () => void;
}) {
  const { db, now } = deps;
  const recorder = createUsageRecorder({ db, now, flushMs: deps.flushMs, onError: deps.onError, onFlushed: deps.onFlushed });
  const rollUp = async () => {
    await rollUpUsage(db, now(), deps.retention);
    await deps.reclaim(USAGE_TABLES);
  };
  // The server rolls up on its own timer (no daemon); tests call rollUp with their clock.
  const roller = deps.flushMs > 0 ? setInterval(() => void rollUp().catch(deps.onError), ROLL_UP_EVERY_MS) : undefined;
  roller?.unref();

  return {
    record: deps.recording ? (event: UsageEvent) => recorder.record(event) : () => undefined,
    flush: () => recorder.flush(),
    rollUp,

    async close(): Promise<void> {
      if (roller) clearInterval(roller);
      // A database already gone loses this flush's counts; the close itself must not fail.
      await recorder.close().catch(deps.onError);
    },

    /** One Deployment API Key's usage, for anyone who may see its deployment. */
    async deploymentKey(access: DeploymentAccess, deploymentId: string, keyId: string, range: UsageRange): Promise<KeyUsageReport> {
      await deps.deployments.visible(access, deploymentId);
      const key = await findKeyOfDeployment(db, deploymentId, keyId);
      if (!key) throw new NotFoundError('No such Deployment API Key.');
      return keyUsageReport(db, 'deployment', key.appId, range, now());
    },

    /** One Platform API Key's usage, for those who manage Platform API Keys. */
    async platformKey(actor: Actor, id: string, range: UsageRange): Promise<KeyUsageReport> {
      const key = await findPlatformKey(db, actor.organizationId, id);
      if (!key) throw new NotFoundError('No such Platform API Key.');
      return keyUsageReport(db, 'platform', key.keyId, range, now());
    },

    async deployment(access: DeploymentAccess, deploymentId: string, range: UsageRange): Promise<UsageSeries> {
      await deps.deployments.visible(access, deploymentId);
      return deploymentUsage(db, deploymentId, range, now());
    },

    /** Last 24 hours per key, for a key list's sparklines. */
    async deploymentSparklines(access: DeploymentAccess, deploymentId: string): Promise<Record<string, KeyDayActivity>> {
      await deps.deployments.visible(access, deploymentId);
      return sparklines(db, 'deployment', await appIdsOfDeployment(db, deploymentId), now());
    },

    async platformSparklines(actor: Actor): Promise<Record<string, KeyDayActivity>> {
      const keys = await listPlatformKeys(db, actor.organizationId);
      return sparklines(db, 'platform', keys.map((key) => key.keyId), now());
    },
  };
}

export type UsageService = ReturnType<typeof createUsageService>;
