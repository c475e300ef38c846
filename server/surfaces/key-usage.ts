import type { FastifyInstance } from 'fastify';
import { usageOutcomeOf, type UsageOutcome } from '../../contract/usage-outcomes';
import { FORWARDED_METHODS } from '../permissions/access-decision';
import type { Services } from '../services';

/**
 * What usage counts of a request that named a known key (served or refused), filled in as the
 * surface decides the request: the Platform API's Fastify routes, or the gateway's front.
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
  /** The client's address, after KEYWARD_TRUST_PROXY (server/http/client-facts.ts). */
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
 * Counts one answered request that named a known key (server/usage): the one way both the
 * Fastify hook below and the gateway's front count. `elapsedMs` is the whole request's time.
 */
export function recordKeyUsage(usage: Services['usage'], known: KeyUsage, method: string, statusCode: number, elapsedMs: number): CountedUsage {
  const counted: CountedUsage = {
    usage: known,
    outcome: usageOutcomeOf(statusCode, known.forwarded),
    keywardMs: Math.max(0, elapsedMs - known.upstreamMs),
  };
  usage.record({
    organizationId: known.organizationId,
    keyKind: known.keyKind,
    keyLabel: known.keyLabel,
    deploymentId: known.deploymentId,
    endpoint: known.endpoint,
    method: FORWARDED_METHODS.has(method) ? method : 'OTHER',
    outcome: counted.outcome,
    keywardMs: counted.keywardMs,
    upstreamMs: known.upstreamMs,
    address: known.address,
  });
  return counted;
}

/** The usage hook of the Platform API: every request that named a known key is counted once its answer is sent. */
export function countKeyUsage(app: FastifyInstance, usage: Services['usage']): void {
  app.decorateRequest('keyUsage', null);
  app.addHook('onResponse', (request, reply, done) => {
    if (request.keyUsage) recordKeyUsage(usage, request.keyUsage, request.method, reply.statusCode, reply.elapsedTime);
    done();
  });
}
