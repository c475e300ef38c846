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

/**
 * What stored secrets look like, whichever test made them: scrypt password hashes, PEM
 * material, sealed values (secret-box.ts) and keyed hashes of API secrets (43 base64url
 * characters standing alone).
 */
export const SECRET_SHAPES: [string, RegExp][] = [
  ['password hash', /scrypt\$\d+\$/],
  ['PEM material', /-----BEGIN /],
  ['sealed value', /v1:[A-Za-z0-9+/]{40,}/],
  ['keyed hash', /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/],
];

/** Fails on any log line that holds one of `secrets`, or anything shaped like a stored secret. */
export function expectNoSecretsIn(lines: string[], secrets: Iterable<string>): void {
  for (const secret of secrets) {
    const leaking = lines.filter((line) => line.includes(secret));
    expect(leaking, `a log line contains a secret`).toEqual([]);
  }
  for (const [what, shape] of SECRET_SHAPES) {
    expect(lines.filter((line) => shape.test(line)), `a log line contains a ${what}`).toEqual([]);
  }
}
