import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { loadConfig } from '../../server/config';
import { freePort } from '../support/child-server';
import { testAppConfig, testServerKeys } from '../support/test-config';
import { testStoreKind } from '../support/test-store';
import { gatewayCall } from '../support/gateway-client';
import { createDeployment } from '../support/platform-client';
import { buildTestApp, useTestApp } from '../support/test-app';
import { startUpstream } from '../support/upstream';

let upstream: Awaited<ReturnType<typeof startUpstream>>;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(() => upstream.close());

interface Family {
  name: string;
  type: string;
  metrics: { value?: string; count?: string; labels?: Record<string, string>; buckets?: Record<string, string> }[];
}

async function someTraffic(t: ReturnType<typeof useTestApp>) {
  const root = await t.setupRoot();
  const deployment = await createDeployment(root, { upstreamUrl: upstream.url });
  const key = (await root.post(`/api/console/deployments/${deployment.id}/keys`, { permissions: [{ method: 'GET', path: '/clients' }] })).body;
  t.logs.rememberSecret(key.appSecret);
  const call = (path: string, method = 'GET') => gatewayCall(t.app, { deploymentId: deployment.id, path, method, key });
  expect((await call('/api/v5/clients')).status).toBe(200);
  expect((await call('/api/v5/clients')).status).toBe(200);
  expect((await call('/api/v5/clients/x', 'DELETE')).status).toBe(403);
  return { root, deployment, key };
}

const METRICS_TOKEN = 'metrics-test-token-0123456789abcdef0123';

describe('Prometheus metrics (KEYWARD_METRICS=true, KEYWARD_METRICS_TOKEN)', () => {
  const t = useTestApp({ deploymentTransitionMs: 0, metrics: true, metricsToken: METRICS_TOKEN });

  it('answers 401 on the main port without the bearer token, or with another one', async () => {
    t.logs.rememberSecret(METRICS_TOKEN);
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString('base64')}`, METRICS_TOKEN]) {
      const response = await t.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="Keyward metrics"');
      expect(response.body).not.toContain('keyward_');
    }
  });

  it('serves the text format with request, gateway, cache, flush and process series, and no key in any label', async () => {
    const { deployment, key } = await someTraffic(t);
    await t.app.services.usage.flush();
    const response = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = new Map((parsePrometheusTextFormat(response.body) as Family[]).map((family) => [family.name, family]));
    const value = (name: string, labels: Record<string, string>) =>
      Number(families.get(name)?.metrics.find((metric) => Object.entries(labels).every(([label, wanted]) => metric.labels?.[label] === wanted))?.value);

    expect(value('keyward_http_requests_total', { surface: 'gateway', status_class: '2xx' })).toBe(2);
    expect(value('keyward_http_requests_total', { surface: 'gateway', status_class: '4xx' })).toBe(1);
    expect(value('keyward_http_requests_total', { surface: 'console', status_class: '2xx' })).toBeGreaterThan(0);
    expect(value('keyward_gateway_requests_total', { outcome: 'success' })).toBe(2);
    expect(value('keyward_gateway_requests_total', { outcome: 'denied_403' })).toBe(1);
    expect(families.get('keyward_gateway_added_latency_seconds')?.type).toBe('HISTOGRAM');
    expect(Number(families.get('keyward_gateway_added_latency_seconds')!.metrics[0]!.count)).toBe(2);
    expect(families.get('keyward_gateway_upstream_latency_seconds')?.type).toBe('HISTOGRAM');
    // (The parser drops a labelled histogram's labels: its count line is read as written.)
    expect(response.body).toContain(`keyward_gateway_upstream_latency_seconds_count{deployment="${deployment.id}"} 2`);
    expect(value('keyward_gateway_credential_cache_total', { result: 'miss' })).toBe(1);
    expect(value('keyward_gateway_credential_cache_total', { result: 'hit' })).toBe(2);
    expect(value('keyward_usage_flush_lag_seconds', {})).toBeLessThan(60);
    expect(families.has('keyward_process_cpu_user_seconds_total')).toBe(true);
    expect(families.has('keyward_nodejs_eventloop_lag_seconds')).toBe(true);
    // PostgreSQL's pool, where there is one.
    if (testStoreKind === 'postgres') expect(value('keyward_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    else expect(families.has('keyward_db_pool_connections')).toBe(false);
    // Per-key numbers live in the console: no App ID, let alone a secret, in any series.
    expect(response.body).not.toContain(key.appId);
    expect(response.body).not.toContain(key.appSecret);
  });

  it('serves /metrics on a port of its own when KEYWARD_METRICS_PORT is set, and not on the main one', async () => {
    const port = await freePort();
    const app = await buildTestApp({ config: { ...testAppConfig({ metrics: true, metricsPort: port }), logLevel: 'silent' }, store: t.store.store, keys: testServerKeys() });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const own = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(own.status).toBe(200);
      expect(await own.text()).toContain('# TYPE keyward_http_requests_total counter');
      expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });
});

describe('KEYWARD_METRICS=true and nothing else', () => {
  it('goes on a port of its own (9464), never unauthenticated on the console port', () => {
    const config = loadConfig({ KEYWARD_METRICS: 'true' }, process.cwd());
    expect(config.metrics).toEqual({ enabled: true, port: 9464, token: undefined });
    expect(loadConfig({ KEYWARD_METRICS: 'true', KEYWARD_METRICS_TOKEN: METRICS_TOKEN }, process.cwd()).metrics).toEqual({ enabled: true, port: undefined, token: METRICS_TOKEN });
    expect(() => loadConfig({ KEYWARD_METRICS: 'true', KEYWARD_METRICS_TOKEN: 'short' }, process.cwd())).toThrow(/KEYWARD_METRICS_TOKEN/);
  });
});

describe('without KEYWARD_METRICS', () => {
  const t = useTestApp({ deploymentTransitionMs: 0 });

  it('has no /metrics', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
  });
});

describe('the gateway access log (KEYWARD_ACCESS_LOG=true)', () => {
  const t = useTestApp({ deploymentTransitionMs: 0, accessLog: true });

  it('writes one JSON line per gateway request, without credentials or the query', async () => {
    const { deployment, key } = await someTraffic(t);
    await gatewayCall(t.app, { deploymentId: deployment.id, path: '/api/v5/clients?token=carried-in-a-query', key });
    const access = t.logs.lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'gateway request');
    expect(access).toHaveLength(4);
    expect(access[0].access).toMatchObject({ method: 'GET', path: `/api/deployments/${deployment.id}/api/v5/clients`, status: 200, appId: key.appId, endpoint: '/clients' });
    expect(access[2].access).toMatchObject({ method: 'DELETE', status: 403, endpoint: '/clients/{clientid}', upstreamMs: null });
    expect(JSON.stringify(access)).not.toContain('carried-in-a-query');
    expect(JSON.stringify(access)).not.toMatch(/authorization|Basic /i);
  });
});
