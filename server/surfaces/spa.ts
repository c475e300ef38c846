import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ERROR_CODES, type ApiErrorBody } from '../../contract/errors';

const API_PREFIXES = ['/api/', '/public_api/'];

/**
 * Serves the built SPA and answers every other unknown address: the SPA's index for a page the
 * client-side router knows, the error JSON for anything under an API prefix.
 */
export async function registerSpa(app: FastifyInstance, spaDir: string | undefined): Promise<void> {
  const hasSpa = spaDir !== undefined && existsSync(path.join(spaDir, 'index.html'));
  if (hasSpa) {
    await app.register(fastifyStatic, {
      root: spaDir,
      wildcard: false,
      index: false,
      setHeaders: (reply, filePath) => {
        // Vite fingerprints everything under assets/: those never change at the same name.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          reply.header('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }

  // The path is not echoed back: a mistyped URL can hold anything, a credential included.
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      hasSpa &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !API_PREFIXES.some((prefix) => request.url.startsWith(prefix));
    if (isPage) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ code: ERROR_CODES.notFound, message: 'No such route.' } satisfies ApiErrorBody);
  });
}
