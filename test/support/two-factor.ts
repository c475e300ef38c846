import { Secret, TOTP } from 'otpauth';
import { expect } from 'vitest';
import type { ConsoleClient } from './console-client';
import type { TestContext } from './test-app';

export const TOTP_STEP = 30_000;

/** What an authenticator app shows at the test clock's time (plus `offsetSteps`). */
export const codeFor = (t: TestContext, secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: t.clock.now() + offsetSteps * TOTP_STEP });

/** Sets up an authenticator app for a signed-in client; answers its seed and recovery codes. */
export async function enrol(t: TestContext, client: ConsoleClient) {
  const setup = await client.post('/api/console/account/totp');
  expect(setup.status).toBe(200);
  expect(setup.headers['cache-control']).toBe('no-store');
  const secret = setup.body.secret as string;
  t.logs.rememberSecret(secret);
  const confirmed = await client.post('/api/console/account/totp/confirm', { code: codeFor(t, secret) });
  expect(confirmed.status).toBe(200);
  const codes = confirmed.body.codes as string[];
  for (const code of codes) t.logs.rememberSecret(code);
  // The next code must come from a later step: each step's code is good once.
  t.clock.advance(TOTP_STEP);
  return { secret, codes };
}
