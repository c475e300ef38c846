import { Writable } from 'node:stream';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { REDACTED_LOG_PATHS } from '../app';
import { registerErrorHandler } from './error-handler';
import { lazyChildLogger } from './lazy-child-logger';

function memoryLogger(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level, redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } }, sink), lines };
}

describe('a request logger made only when something logs', () => {
  it('logs as pino would: the request id, the level, redaction, and its own children', () => {
    const { logger, lines } = memoryLogger();
    const log = lazyChildLogger(logger, { reqId: 'req-1' }, {});
    log.debug('below the level');
    log.error({ req: { headers: { authorization: 'Basic c2VjcmV0' } } }, 'failed');
    log.child({ step: 'forward' }).warn('slow');
    expect(log.level).toBe('info');
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, reqId: 'req-1', msg: 'failed', req: { headers: { authorization: '[redacted]' } } }),
      expect.objectContaining({ level: 40, reqId: 'req-1', step: 'forward', msg: 'slow' }),
    ]);
  });

  it("is what Fastify uses on a route: Keyward's error lines carry the request id, a quiet request writes nothing", async () => {
    const { logger, lines } = memoryLogger();
    const app = Fastify({ loggerInstance: logger as FastifyBaseLogger, logController: new LogController({ disableRequestLogging: true }) });
    registerErrorHandler(app);
    app.get('/quiet', { childLoggerFactory: lazyChildLogger }, async () => ({ ok: true }));
    app.get('/broken', { childLoggerFactory: lazyChildLogger }, async () => {
      throw new Error('upstream exploded');
    });
    expect((await app.inject('/quiet')).statusCode).toBe(200);
    expect(lines).toEqual([]);
    const broken = await app.inject('/broken');
    expect(broken.statusCode).toBe(500);
    expect(lines).toEqual([expect.objectContaining({ level: 50, reqId: expect.any(String), msg: 'request failed', err: expect.objectContaining({ message: 'upstream exploded' }) })]);
    await app.close();
  });
});
