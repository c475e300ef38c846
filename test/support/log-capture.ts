import { Writable } from 'node:stream';
import pino from 'pino';
import { expect } from 'vitest';
import { REDACTED_LOG_PATHS } from '../../server/app';

export interface LogCapture {
  logger: pino.Logger;
  lines: string[];
  /** Registers a secret the test created; no captured log line may ever contain it. */
  rememberSecret(secret: string): void;
  assertNoSecrets(): void;
}

/** The server's real logger, configured as in production, writing into memory. */
export function captureLogs(): LogCapture {
  const lines: string[] = [];
  const secrets = new Set<string>();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level: 'trace', redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } }, sink);
  return {
    logger,
    lines,
    rememberSecret: (secret) => void secrets.add(secret),
    assertNoSecrets: () => expectNoSecretsIn(lines, secrets),
  };
}

/** Fails on any log line that holds one of `secrets`. */
export function expectNoSecretsIn(lines: string[], secrets: Iterable<string>): void {
  for (const secret of secrets) {
    const leaking = lines.filter((line) => line.includes(secret));
    expect(leaking, `a log line contains a secret`).toEqual([]);
  }
}
