import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { usageOutcomeOf, type UsageOutcome } from '../../contract/usage-outcomes';
import { FORWARDED_METHODS } from '../permissions/access-decision';
import type { Services } from '../services';

/**
 * What usage counts of a request that named a known key (served or refused), filled in as the
 * surface decides the request.
 */
export interface KeyUsage {
  organizationId: string;
  keyKind: 'deployment' | 'platform';
  /** App ID or Key: what the key is known by. */
  keyLabel: string;
  /** '' for a Platform API Key. */
  deploymentId: string;
  /** The route template or catalog endpoint decided on ('' when refused before one was). */
  endpoint: string;
  forwarded: boolean;
  /** The client's address (request.ip, which is worked out anew on every read). */
  address: string;
  /** How long the upstream took to begin its answer (0 when not forwarded). */
  upstreamMs: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    keyUsage: KeyUsage | null;
  }
}

export interface CountedUsage {
  usage: KeyUsage;
  outcome: UsageOutcome;
  /** Milliseconds Keyward spent on the request, the upstream's excluded. */
  keywardMs: number;
}

/**
 * The one usage hook of the key surfaces (the Deployment API and the Platform API): every request
 * that named a known key is counted once its answer is sent (server/usage). `after` sees every
 * answered request, counted or not (the gateway's metrics and access log).
 */
export function countKeyUsage(
  app: FastifyInstance,
  usage: Services['usage'],
  after?: (request: FastifyRequest, reply: FastifyReply, counted: CountedUsage | null) => void,
): void {
  app.decorateRequest('keyUsage', null);
  app.addHook('onResponse', (request, reply, done) => {
    const known = request.keyUsage;
    let counted: CountedUsage | null = null;
    if (known) {
      counted = {
        usage: known,
        outcome: usageOutcomeOf(reply.statusCode, known.forwarded),
        keywardMs: Math.max(0, reply.elapsedTime - known.upstreamMs),
      };
      usage.record({
        organizationId: known.organizationId,
        keyKind: known.keyKind,
        keyLabel: known.keyLabel,
        deploymentId: known.deploymentId,
        endpoint: known.endpoint,
        method: FORWARDED_METHODS.has(request.method) ? request.method : 'OTHER',
        outcome: counted.outcome,
        keywardMs: counted.keywardMs,
        upstreamMs: known.upstreamMs,
        address: known.address,
      });
    }
    after?.(request, reply, counted);
    done();
  });
}
