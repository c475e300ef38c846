import path from 'node:path';
import { z } from 'zod';
import { emailSchema, passwordSchema } from '../contract/fields';
import type { StoreOptions } from './db/store';
import { parseUpstreamAllowList } from './deployments/upstream-policy';
import { DEFAULT_IPV6_LIMIT_PREFIX } from './http/client-network';
import type { RateWindow } from './http/sliding-window-limiter';
import { DEFAULT_USAGE_RETENTION, type UsageRetention } from './usage/usage-retention';

export type { RateWindow };

export interface PlatformApiLimits {
  /**
   * Calls per key per hour: reads, TLS writes, deployments created, and starts and stops per
   * deployment, each counted apart so that a stop and then a start both pass (EMQX's defaults).
   */
  readsPerHour: number;
  tlsWritesPerHour: number;
  createsPerHour: number;
  startStopPerHour: number;
  /** Failed authentications per client address before 429. */
  failures: RateWindow;
  /** Failed authentications per Key before a *wrong* secret gets 429 (the right one still verifies). */
  failuresPerKey: RateWindow;
}

export interface KeywardConfig {
  port: number;
  /** KEYWARD_WORKERS: server processes sharing the port (node:cluster); above 1 needs PostgreSQL. */
  workers: number;
  host: string;
  store: StoreOptions;
  /** Creates the Root account on first start, skipping the setup screen. */
  rootAccount?: { email: string; password: string; organizationName: string };
  sessionIdleMs: number;
  signInLimits: { perAccount: RateWindow; perAddress: RateWindow };
  security: {
    /** KEYWARD_REAUTH_MINUTES: how recent a sign-in or "Confirm it's you" a sensitive change needs. */
    reauthenticationMs: number;
    /** KEYWARD_IPV6_LIMIT_PREFIX: per-address limits count an IPv6 client by this network. */
    ipv6LimitPrefix: number;
  };
  platformApiLimits: PlatformApiLimits;
  gateway: {
    upstreamTimeoutMs: number;
    /** Failed authentications before 429, per client address and per App ID. */
    failuresPerAddress: RateWindow;
    failuresPerAppId: RateWindow;
    /**
     * KEYWARD_GATEWAY_UNKNOWN_APP_ID_LOOKUPS_PER_SECOND: database lookups per second (per
     * instance) for App IDs the known-App-ID filter has never seen; past it they cost nothing.
     */
    unknownAppIdLookupsPerSecond: number;
    /** KEYWARD_UPSTREAM_ALLOW: where upstreams may be (unset: anywhere but local addresses). */
    upstreamAllow: string | undefined;
    /** KEYWARD_GATEWAY_ORIGIN: serve the Deployment API only on this origin, and nothing else there. */
    origin?: URL;
    /**
     * KEYWARD_GATEWAY_ALLOW_ENCODED_SLASH: the upstream is known to keep `%2F` in a path segment
     * (no decoding proxy in between), so a key need not also hold the endpoint the decoded path names.
     */
    allowEncodedSlash: boolean;
  };
  /** How long a deployment reads "starting"/"stopping" before it settles. */
  deploymentTransitionMs: number;
  /**
   * KEYWARD_METRICS: Prometheus `/metrics`, on a port of its own (KEYWARD_METRICS_PORT, 9464 by
   * default) or, with KEYWARD_METRICS_TOKEN, on the main port behind that bearer token.
   */
  metrics: { enabled: boolean; port?: number; token?: string };
  /** KEYWARD_ACCESS_LOG: one JSON line per gateway request (no credentials). */
  accessLog: boolean;
  /**
   * SIGTERM: `/healthz` says "draining" for `noticeMs` while requests are still served (a load
   * balancer's time to notice), then the server stops accepting and waits at most `drainMs` for
   * requests in flight, flushes usage and closes storage.
   */
  shutdown: { noticeMs: number; drainMs: number };
  usage: {
    /** KEYWARD_USAGE_RECORDING=false: no per-key usage is counted (last use is still kept). */
    recording: boolean;
    /** Counts are added to the database this often (and at shutdown): what a crash can lose. */
    flushMs: number;
    retention: UsageRetention;
  };
  /** KEYWARD_SECRET_KEY, if given; else a key generated into `dataDir`. */
  secretKey?: string;
  dataDir: string;
  /** The built SPA; absent in API-only tests. */
  spaDir?: string;
  logLevel: string;
  /** Behind a reverse proxy: believe its X-Forwarded-For/-Proto (client address, HTTPS). */
  trustProxy: boolean | string;
}

/** Prometheus's registered default port for an exporter (KEYWARD_METRICS_PORT unset, no token). */
export const DEFAULT_METRICS_PORT = 9464;
export const DEFAULT_REAUTHENTICATION_MS = 15 * 60_000;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  KEYWARD_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  KEYWARD_ROOT_EMAIL: emailSchema.optional(),
  KEYWARD_ROOT_PASSWORD: passwordSchema.optional(),
  KEYWARD_ORGANIZATION_NAME: z.string().trim().min(1).max(100).default('My Organization'),
  KEYWARD_SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  KEYWARD_SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  KEYWARD_SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  KEYWARD_SIGNIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  KEYWARD_SECRET_KEY: z.string().min(1).optional(),
  KEYWARD_DEPLOYMENT_TRANSITION_SECONDS: z.coerce.number().min(0).default(5),
  KEYWARD_PLATFORM_API_READS_PER_HOUR: z.coerce.number().int().positive().default(60),
  KEYWARD_PLATFORM_API_TLS_WRITES_PER_HOUR: z.coerce.number().int().positive().default(6),
  KEYWARD_PLATFORM_API_START_STOP_PER_HOUR: z.coerce.number().int().positive().default(1),
  KEYWARD_PLATFORM_API_CREATES_PER_HOUR: z.coerce.number().int().positive().default(10),
  KEYWARD_PLATFORM_API_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  KEYWARD_PLATFORM_API_MAX_FAILURES_PER_KEY: z.coerce.number().int().positive().default(20),
  KEYWARD_GATEWAY_UPSTREAM_TIMEOUT_SECONDS: z.coerce.number().positive().default(30),
  KEYWARD_GATEWAY_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(100),
  KEYWARD_GATEWAY_MAX_FAILURES_PER_APP_ID: z.coerce.number().int().positive().default(20),
  KEYWARD_GATEWAY_UNKNOWN_APP_ID_LOOKUPS_PER_SECOND: z.coerce.number().min(0).default(20),
  KEYWARD_UPSTREAM_ALLOW: z.string().optional(),
  KEYWARD_GATEWAY_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
  KEYWARD_TRUST_PROXY: z.string().optional(),
  KEYWARD_METRICS: z.enum(['true', 'false']).default('false'),
  KEYWARD_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  KEYWARD_METRICS_TOKEN: z.string().min(32, { message: 'Use a token of at least 32 characters' }).optional(),
  KEYWARD_REAUTH_MINUTES: z.coerce.number().positive().max(24 * 60).default(DEFAULT_REAUTHENTICATION_MS / 60_000),
  KEYWARD_IPV6_LIMIT_PREFIX: z.coerce.number().int().min(32).max(128).default(DEFAULT_IPV6_LIMIT_PREFIX),
  KEYWARD_GATEWAY_ALLOW_ENCODED_SLASH: z.enum(['true', 'false']).default('false'),
  KEYWARD_ACCESS_LOG: z.enum(['true', 'false']).default('false'),
  KEYWARD_DRAIN_NOTICE_SECONDS: z.coerce.number().min(0).max(300).default(0),
  KEYWARD_DRAIN_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  KEYWARD_USAGE_RECORDING: z.enum(['true', 'false']).default('true'),
  KEYWARD_USAGE_FLUSH_SECONDS: z.coerce.number().positive().max(3600).default(10),
  KEYWARD_USAGE_MINUTE_HOURS: z.coerce.number().int().min(1).max(24 * 31).default(DEFAULT_USAGE_RETENTION.minuteHours),
  KEYWARD_USAGE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3660).default(DEFAULT_USAGE_RETENTION.days),
  KEYWARD_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export const DEFAULT_SIGN_IN_WINDOW_MS = 15 * 60_000;

/** Reads the process environment; a bad value stops the start with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv, projectRoot: string): KeywardConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.KEYWARD_WORKERS > 1 && !e.DATABASE_URL) {
    throw new Error('Invalid configuration: KEYWARD_WORKERS above 1 needs PostgreSQL (DATABASE_URL); the embedded store can be opened by one process only');
  }
  if (Boolean(e.KEYWARD_ROOT_EMAIL) !== Boolean(e.KEYWARD_ROOT_PASSWORD)) {
    throw new Error(
      'Invalid configuration: set KEYWARD_ROOT_EMAIL and KEYWARD_ROOT_PASSWORD together',
    );
  }
  // Read now, so a list with a typo stops the start instead of refusing every upstream later.
  try {
    parseUpstreamAllowList(e.KEYWARD_UPSTREAM_ALLOW);
  } catch (error) {
    throw new Error(`Invalid configuration: ${(error as Error).message}`);
  }
  const windowMs = e.KEYWARD_SIGNIN_WINDOW_MINUTES * 60_000;
  const dataDir = path.resolve(projectRoot, e.KEYWARD_DATA_DIR);
  return {
    port: e.PORT,
    workers: e.KEYWARD_WORKERS,
    host: e.HOST,
    store: e.DATABASE_URL
      ? { kind: 'postgres', databaseUrl: e.DATABASE_URL }
      : { kind: 'pglite', dataDir },
    dataDir,
    secretKey: e.KEYWARD_SECRET_KEY,
    deploymentTransitionMs: e.KEYWARD_DEPLOYMENT_TRANSITION_SECONDS * 1000,
    metrics: {
      enabled: e.KEYWARD_METRICS === 'true',
      // Never unauthenticated on the console's port: its own port unless a token guards it there.
      port: e.KEYWARD_METRICS_PORT ?? (e.KEYWARD_METRICS_TOKEN ? undefined : DEFAULT_METRICS_PORT),
      token: e.KEYWARD_METRICS_TOKEN,
    },
    accessLog: e.KEYWARD_ACCESS_LOG === 'true',
    shutdown: { noticeMs: e.KEYWARD_DRAIN_NOTICE_SECONDS * 1000, drainMs: e.KEYWARD_DRAIN_SECONDS * 1000 },
    usage: {
      recording: e.KEYWARD_USAGE_RECORDING === 'true',
      flushMs: e.KEYWARD_USAGE_FLUSH_SECONDS * 1000,
      retention: { minuteHours: e.KEYWARD_USAGE_MINUTE_HOURS, days: e.KEYWARD_USAGE_RETENTION_DAYS },
    },
    gateway: {
      upstreamTimeoutMs: e.KEYWARD_GATEWAY_UPSTREAM_TIMEOUT_SECONDS * 1000,
      failuresPerAddress: { max: e.KEYWARD_GATEWAY_MAX_FAILURES_PER_ADDRESS, windowMs: 60_000 },
      failuresPerAppId: { max: e.KEYWARD_GATEWAY_MAX_FAILURES_PER_APP_ID, windowMs: 60_000 },
      unknownAppIdLookupsPerSecond: e.KEYWARD_GATEWAY_UNKNOWN_APP_ID_LOOKUPS_PER_SECOND,
      upstreamAllow: e.KEYWARD_UPSTREAM_ALLOW,
      origin: e.KEYWARD_GATEWAY_ORIGIN ? new URL(e.KEYWARD_GATEWAY_ORIGIN) : undefined,
      allowEncodedSlash: e.KEYWARD_GATEWAY_ALLOW_ENCODED_SLASH === 'true',
    },
    platformApiLimits: {
      readsPerHour: e.KEYWARD_PLATFORM_API_READS_PER_HOUR,
      tlsWritesPerHour: e.KEYWARD_PLATFORM_API_TLS_WRITES_PER_HOUR,
      startStopPerHour: e.KEYWARD_PLATFORM_API_START_STOP_PER_HOUR,
      createsPerHour: e.KEYWARD_PLATFORM_API_CREATES_PER_HOUR,
      failures: { max: e.KEYWARD_PLATFORM_API_MAX_FAILURES_PER_ADDRESS, windowMs: DEFAULT_SIGN_IN_WINDOW_MS },
      failuresPerKey: { max: e.KEYWARD_PLATFORM_API_MAX_FAILURES_PER_KEY, windowMs: DEFAULT_SIGN_IN_WINDOW_MS },
    },
    rootAccount:
      e.KEYWARD_ROOT_EMAIL && e.KEYWARD_ROOT_PASSWORD
        ? {
            email: e.KEYWARD_ROOT_EMAIL,
            password: e.KEYWARD_ROOT_PASSWORD,
            organizationName: e.KEYWARD_ORGANIZATION_NAME,
          }
        : undefined,
    sessionIdleMs: e.KEYWARD_SESSION_IDLE_HOURS * 3_600_000,
    signInLimits: {
      perAccount: { max: e.KEYWARD_SIGNIN_MAX_FAILURES_PER_ACCOUNT, windowMs },
      perAddress: { max: e.KEYWARD_SIGNIN_MAX_FAILURES_PER_ADDRESS, windowMs },
    },
    security: { reauthenticationMs: e.KEYWARD_REAUTH_MINUTES * 60_000, ipv6LimitPrefix: e.KEYWARD_IPV6_LIMIT_PREFIX },
    spaDir: path.resolve(projectRoot, 'dist', 'spa'),
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.KEYWARD_TRUST_PROXY),
  };
}

/** "true", "false", or the proxies' addresses/CIDRs (comma-separated), as Fastify takes them. */
function parseTrustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === '' || value === 'false') return false;
  return value === 'true' ? true : value;
}
