import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../server/app';
import { DEFAULT_REAUTHENTICATION_MS, DEFAULT_SIGN_IN_WINDOW_MS } from '../../server/config';
import { DEFAULT_IPV6_LIMIT_PREFIX } from '../../server/http/client-network';
import { deriveServerKeys } from '../../server/secrets/master-key';

export interface TestConfigOptions {
  sessionIdleMs?: number;
  perAccount?: number;
  perAddress?: number;
  platformReadsPerHour?: number;
  platformFailuresPerAddress?: number;
  platformFailuresPerKey?: number;
  deploymentTransitionMs?: number;
  upstreamTimeoutMs?: number;
  gatewayFailuresPerAddress?: number;
  gatewayFailuresPerAppId?: number;
  gatewayUnknownAppIdLookupsPerSecond?: number;
  /** KEYWARD_UPSTREAM_ALLOW; tests' upstreams run on loopback, so that is allowed unless null. */
  upstreamAllow?: string | null;
  /** KEYWARD_GATEWAY_ORIGIN. */
  gatewayOrigin?: string;
  /** KEYWARD_METRICS and KEYWARD_ACCESS_LOG. */
  metrics?: boolean;
  metricsPort?: number;
  accessLog?: boolean;
  metricsToken?: string;
  /** KEYWARD_REAUTH_MINUTES, in ms. */
  reauthenticationMs?: number;
  ipv6LimitPrefix?: number;
  /** KEYWARD_GATEWAY_ALLOW_ENCODED_SLASH. */
  allowEncodedSlash?: boolean;
  /** KEYWARD_TRUST_PROXY, as buildApp takes it. */
  trustProxy?: boolean | string;
}

export const TEST_UPSTREAM_ALLOW = '127.0.0.0/8,::1';

/**
 * The scrypt cost of the accounts API tests make by the hundred: at the real cost their hashing
 * was a quarter of the suite's CPU. Stored hashes carry their cost, so every check is the real
 * code path; persistence.test.ts and the server-process tests hold the real cost.
 */
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 };

/** The app's configuration for tests: production defaults unless a test says otherwise. */
export function testAppConfig(options: TestConfigOptions = {}): AppConfig {
  return {
    sessionIdleMs: options.sessionIdleMs ?? 12 * 3_600_000,
    signInLimits: {
      perAccount: { max: options.perAccount ?? 5, windowMs: DEFAULT_SIGN_IN_WINDOW_MS },
      perAddress: { max: options.perAddress ?? 20, windowMs: DEFAULT_SIGN_IN_WINDOW_MS },
    },
    security: {
      reauthenticationMs: options.reauthenticationMs ?? DEFAULT_REAUTHENTICATION_MS,
      ipv6LimitPrefix: options.ipv6LimitPrefix ?? DEFAULT_IPV6_LIMIT_PREFIX,
    },
    platformApiLimits: {
      readsPerHour: options.platformReadsPerHour ?? 60,
      tlsWritesPerHour: 6,
      startStopPerHour: 1,
      createsPerHour: 10,
      failures: { max: options.platformFailuresPerAddress ?? 20, windowMs: DEFAULT_SIGN_IN_WINDOW_MS },
      failuresPerKey: { max: options.platformFailuresPerKey ?? 20, windowMs: DEFAULT_SIGN_IN_WINDOW_MS },
    },
    deploymentTransitionMs: options.deploymentTransitionMs ?? 5_000,
    gateway: {
      upstreamTimeoutMs: options.upstreamTimeoutMs ?? 30_000,
      failuresPerAddress: { max: options.gatewayFailuresPerAddress ?? 100, windowMs: 60_000 },
      failuresPerAppId: { max: options.gatewayFailuresPerAppId ?? 20, windowMs: 60_000 },
      unknownAppIdLookupsPerSecond: options.gatewayUnknownAppIdLookupsPerSecond ?? 20,
      upstreamAllow: options.upstreamAllow === null ? undefined : (options.upstreamAllow ?? TEST_UPSTREAM_ALLOW),
      origin: options.gatewayOrigin ? new URL(options.gatewayOrigin) : undefined,
      allowEncodedSlash: options.allowEncodedSlash ?? false,
    },
    // Tests flush and roll up usage themselves (services.usage.flush / rollUp), with their clock.
    usage: { recording: true, flushMs: 0, retention: { minuteHours: 48, days: 90 } },
    metrics: { enabled: options.metrics ?? false, port: options.metricsPort, token: options.metricsToken },
    accessLog: options.accessLog ?? false,
    spaDir: undefined,
    logLevel: 'info',
  };
}

export const testServerKeys = () => deriveServerKeys(randomBytes(32));
