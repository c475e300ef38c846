import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': fileURLToPath(new URL('./src', import.meta.url)),
  '@contract': fileURLToPath(new URL('./contract', import.meta.url)),
  '@catalog': fileURLToPath(new URL('./catalog', import.meta.url)),
};

/**
 * The API tests on one store. Without isolation a worker runs file after file in one process:
 * modules are imported once per worker, not once per file, and the PGlite files share one
 * database (test/support/test-store.ts). Each file still builds its own app and every test starts
 * from empty tables, so files cannot see each other's data; nothing here mocks modules or
 * changes the environment, which is what isolation protects against.
 */
function apiProject(store: 'pglite' | 'postgres') {
  return {
    resolve: { alias },
    test: {
      name: `api-${store}`,
      environment: 'node' as const,
      include: ['test/api/**/*.test.ts'],
      isolate: false,
      testTimeout: 30_000,
      hookTimeout: 60_000,
      env: { KEYWARD_TEST_STORE: store },
      globalSetup: ['./test/support/global-setup.ts'],
    },
  };
}

/**
 * Unit tests beside the code; component tests in jsdom; API integration tests through buildApp()
 * on PGlite, and once more on PostgreSQL when TEST_DATABASE_URL names a server.
 */
export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one file at a time; the API tests wait on databases,
    // child processes and timers as much as on the CPU, so two at a time nearly halves the run.
    maxWorkers: Number(process.env.KEYWARD_TEST_WORKERS ?? Math.max(2, availableParallelism())),
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', environment: 'node', include: ['server/**/*.test.ts', 'contract/**/*.test.ts', 'test/lint/**/*.test.ts'] },
      },
      {
        plugins: [react()],
        resolve: { alias },
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
          setupFiles: ['./test/support/component-setup.ts'],
          css: false,
        },
      },
      apiProject('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [apiProject('postgres')] : []),
    ],
  },
});
