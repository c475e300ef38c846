import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyClientAddresses, keyUsage, organizations } from '../db/schema';
import { openStore, type Store } from '../db/store';
import { createUsageRecorder, MINUTE, type UsageEvent } from './usage-recorder';

describe('usage recorder', () => {
  let store: Store;
  let organizationId: string;
  const now = 100 * MINUTE + 5_000;
  const recorder = () => createUsageRecorder({ db: store.db, now: () => now, flushMs: 0, onError: () => undefined });
  const event = (overrides: Partial<UsageEvent> = {}): UsageEvent => ({
    organizationId,
    keyKind: 'deployment',
    keyLabel: 'kwa_one',
    deploymentId: 'd1',
    endpoint: '/clients',
    method: 'GET',
    outcome: 'success',
    keywardMs: 1,
    upstreamMs: 2,
    address: '10.0.0.1',
    ...overrides,
  });
  const rows = () =>
    store.db
      .select({
        key_kind: keyUsage.keyKind,
        key_label: keyUsage.keyLabel,
        endpoint: keyUsage.endpoint,
        method: keyUsage.method,
        outcome: keyUsage.outcome,
        requests: keyUsage.requests,
        keyward_ms: keyUsage.keywardMs,
        upstream_ms: keyUsage.upstreamMs,
      })
      .from(keyUsage)
      .orderBy(keyUsage.keyLabel, keyUsage.endpoint, keyUsage.method, keyUsage.outcome, keyUsage.keyKind);
  const addresses = () =>
    store.db
      .select({ key_label: keyClientAddresses.keyLabel, address: keyClientAddresses.address })
      .from(keyClientAddresses)
      .orderBy(keyClientAddresses.keyLabel, keyClientAddresses.address);

  beforeEach(async () => {
    store = await openStore({ kind: 'pglite', dataDir: 'memory://' });
    organizationId = randomUUID();
    await store.db.insert(organizations).values({ id: organizationId, name: 'Usage' });
  });
  afterEach(() => store.close());

  it('writes one row per key, endpoint, method and outcome, and one per address a key was seen from', async () => {
    const usage = recorder();
    usage.record(event());
    usage.record(event());
    usage.record(event({ method: 'POST' }));
    usage.record(event({ outcome: 'denied_403', upstreamMs: 0 }));
    usage.record(event({ keyLabel: 'kwa_two', endpoint: '/clients/{clientid}' }));
    usage.record(event({ keyKind: 'platform', keyLabel: 'kwa_two', endpoint: '/clients/{clientid}' }));
    usage.record(event({ address: '10.0.0.2' }));
    await usage.flush();
    expect(await rows()).toEqual([
      { key_kind: 'deployment', key_label: 'kwa_one', endpoint: '/clients', method: 'GET', outcome: 'denied_403', requests: 1, keyward_ms: 1, upstream_ms: 0 },
      { key_kind: 'deployment', key_label: 'kwa_one', endpoint: '/clients', method: 'GET', outcome: 'success', requests: 3, keyward_ms: 3, upstream_ms: 6 },
      { key_kind: 'deployment', key_label: 'kwa_one', endpoint: '/clients', method: 'POST', outcome: 'success', requests: 1, keyward_ms: 1, upstream_ms: 2 },
      { key_kind: 'deployment', key_label: 'kwa_two', endpoint: '/clients/{clientid}', method: 'GET', outcome: 'success', requests: 1, keyward_ms: 1, upstream_ms: 2 },
      { key_kind: 'platform', key_label: 'kwa_two', endpoint: '/clients/{clientid}', method: 'GET', outcome: 'success', requests: 1, keyward_ms: 1, upstream_ms: 2 },
    ]);
    expect(await addresses()).toEqual([
      { key_label: 'kwa_one', address: '10.0.0.1' },
      { key_label: 'kwa_one', address: '10.0.0.2' },
      { key_label: 'kwa_two', address: '10.0.0.1' },
      { key_label: 'kwa_two', address: '10.0.0.1' },
    ]);
  });

  it('keeps what a failed flush held and writes it with what came since', async () => {
    const usage = recorder();
    usage.record(event());
    usage.record(event({ address: '10.0.0.9' }));
    await store.db.execute(sql`alter table key_usage rename to key_usage_away`);
    await expect(usage.flush()).rejects.toThrow();
    await store.db.execute(sql`alter table key_usage_away rename to key_usage`);
    usage.record(event());
    usage.record(event({ method: 'DELETE' }));
    await usage.flush();
    expect(await rows()).toEqual([
      { key_kind: 'deployment', key_label: 'kwa_one', endpoint: '/clients', method: 'DELETE', outcome: 'success', requests: 1, keyward_ms: 1, upstream_ms: 2 },
      { key_kind: 'deployment', key_label: 'kwa_one', endpoint: '/clients', method: 'GET', outcome: 'success', requests: 3, keyward_ms: 3, upstream_ms: 6 },
    ]);
    expect(await addresses()).toEqual([
      { key_label: 'kwa_one', address: '10.0.0.1' },
      { key_label: 'kwa_one', address: '10.0.0.9' },
    ]);
  });
});
