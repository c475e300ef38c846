import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Role } from '../../contract/roles';
import lightMyRequest from 'light-my-request';
import { buildApp, type BuildAppOptions, type KeywardApp } from '../../server/app';
import { ConsoleClient } from './console-client';
import { createTestStore, type TestStore } from './test-store';
import { captureLogs, type LogCapture } from './log-capture';
import { TEST_PASSWORD_COST, testAppConfig, testServerKeys, type TestConfigOptions } from './test-config';

export const ROOT_EMAIL = 'root@example.com';
export const PASSWORD = 'correct horse battery staple';

/** A clock tests can move forward, so that idle expiry is tested without waiting. */
export class TestClock {
  // Starts at the real time: certificates made for a test are valid relative to it.
  current = Date.now();
  now = () => this.current;
  advance(ms: number): void {
    this.current += ms;
  }
}

export interface TestContext {
  app: KeywardApp;
  store: TestStore;
  clock: TestClock;
  logs: LogCapture;
  /** A client with no session yet, from `address` (default 127.0.0.1). */
  client(address?: string): ConsoleClient;
  /** Runs setup and returns the Root account's signed-in client. */
  setupRoot(): Promise<ConsoleClient>;
  /** Creates an account with `role` through Root and returns it signed in. */
  signedInAs(role: Role, root?: ConsoleClient): Promise<{ client: ConsoleClient; id: string; email: string }>;
}

let accountCounter = 0;

/**
 * The real app, whose `inject` answers as the listening server does: through the server's own
 * request listener, where the Deployment API's front (server/surfaces/gateway/front.ts) takes its
 * requests before Fastify sees them. Fastify's own inject goes straight to its router, which
 * refuses Deployment API targets (surfaces/gateway/plugin.ts), so a test cannot miss the front.
 */
export async function buildTestApp(options: BuildAppOptions): Promise<KeywardApp> {
  const app = await buildApp(options);
  const dispatch = (request: unknown, response: unknown) => app.server.emit('request', request, response);
  app.inject = (async (injectOptions: Parameters<typeof lightMyRequest>[1]) => {
    await app.ready();
    return lightMyRequest(dispatch, injectOptions);
  }) as unknown as KeywardApp['inject'];
  return app;
}

/**
 * Builds the real app over a real database for one test file; every test starts from empty
 * tables and a fresh app (so in-memory limiters start clean too).
 */
export function useTestApp(options: TestConfigOptions = {}): TestContext {
  const context = {} as TestContext;
  let store: TestStore;

  beforeAll(async () => {
    store = await createTestStore();
    context.store = store;
  }, 60_000);

  beforeEach(async (test) => {
    await store.reset();
    if (context.app) await context.app.close();
    context.clock = new TestClock();
    context.logs = captureLogs();
    context.app = await buildTestApp({
      config: testAppConfig(options),
      store: store.store,
      keys: testServerKeys(),
      now: context.clock.now,
      logger: context.logs.logger,
      trustProxy: options.trustProxy,
      passwordCost: TEST_PASSWORD_COST,
    });
    test.onTestFinished(() => context.logs.assertNoSecrets());
  });

  afterAll(async () => {
    await context.app?.close();
    await store?.dispose();
  });

  context.client = (address) => new ConsoleClient(context.app, address);

  context.setupRoot = async () => {
    const root = context.client();
    const response = await root.post('/api/console/setup', {
      organizationName: 'Acme',
      email: ROOT_EMAIL,
      password: PASSWORD,
    });
    if (response.status !== 201) throw new Error(`setup failed: ${JSON.stringify(response.body)}`);
    context.logs.rememberSecret(PASSWORD);
    return root;
  };

  context.signedInAs = async (role, rootClient) => {
    const root = rootClient ?? (await context.setupRoot());
    if (role === 'root') {
      const me = await root.get('/api/console/session');
      return { client: root, id: me.body.user.id, email: ROOT_EMAIL };
    }
    const email = `${role}-${++accountCounter}@example.com`;
    const create = () => root.post('/api/console/users', { email, role, password: PASSWORD, name: `${role} person` });
    let created = await create();
    // Making an account is sensitive: a Root session the test clock has aged confirms, as the console would.
    if (created.body?.code === 'REAUTH_REQUIRED') {
      await root.confirmItsYou(PASSWORD);
      created = await create();
    }
    if (created.status !== 201) throw new Error(`create user failed: ${JSON.stringify(created.body)}`);
    const client = context.client();
    const signIn = await client.signIn(email, PASSWORD);
    if (signIn.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(signIn.body)}`);
    return { client, id: created.body.id, email };
  };

  return context;
}
