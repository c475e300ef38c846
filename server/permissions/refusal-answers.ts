import { ERROR_CODES, type ApiErrorBody } from '../../contract/errors';
import type { AccessDecision } from './access-decision';
import { PATH_REFUSAL_MESSAGES } from './canonical-path';

export type Refusal = Exclude<AccessDecision, { outcome: 'allowed' }>;

/** What the gateway answers a refused request: status, body, and the Allow header of a 405. */
export interface RefusalAnswer {
  status: 400 | 403 | 404 | 405;
  body: ApiErrorBody;
  allow?: string;
}

/**
 * The one mapping from a refused access decision to its answer. The gateway sends it, and the
 * console's "Test access" says it, so a test and a real call can never disagree.
 */
export function refusalAnswerOf(decision: Refusal, method: string): RefusalAnswer {
  switch (decision.outcome) {
    case 'invalid_path':
      return { status: 400, body: { code: ERROR_CODES.invalidPath, message: PATH_REFUSAL_MESSAGES[decision.refusal], details: { reason: decision.refusal } } };
    case 'not_found':
      return { status: 404, body: { code: ERROR_CODES.notFound, message: `No ${decision.catalogTitle} endpoint at this path.` } };
    case 'method_not_allowed': {
      const { methods, path } = decision.endpoint;
      return { status: 405, allow: methods.join(', '), body: { code: ERROR_CODES.methodNotAllowed, message: `${path} supports ${methods.join(', ')}.` } };
    }
    case 'denied': {
      const { path } = decision.endpoint;
      return {
        status: 403,
        body: {
          code: ERROR_CODES.permissionDenied,
          message: decision.viaEncodedSlash
            ? `This API key may not call ${method} ${path}, which the encoded slash (%2F) in this path reaches through a decoding proxy.`
            : `This API key may not call ${method} ${path}.`,
          details: { method, endpoint: path, ...(decision.viaEncodedSlash ? { reason: 'encoded_slash' } : {}) },
        },
      };
    }
  }
}
