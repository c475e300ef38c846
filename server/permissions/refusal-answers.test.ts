import { describe, expect, it } from 'vitest';
import { decideAccess } from './access-decision';
import { refusalAnswerOf, type Refusal } from './refusal-answers';

const grants = { fullAccess: false, permissions: new Set(['GET /clients/{clientid}']) };
const refused = (method: string, path: string) => decideAccess('emqx-v5', method, path, grants, { encodedSlashKept: false }) as Refusal;

describe('refusalAnswerOf', () => {
  it('answers each refusal with its status, registered code and words', () => {
    expect(refusalAnswerOf(refused('DELETE', '/api/v5/clients/dev-1'), 'DELETE')).toEqual({
      status: 403,
      body: { code: 'PERMISSION_DENIED', message: 'This API key may not call DELETE /clients/{clientid}.', details: { method: 'DELETE', endpoint: '/clients/{clientid}' } },
    });
    expect(refusalAnswerOf(refused('GET', '/api/v5/clients/x%2Fsubscriptions'), 'GET').body.details).toEqual({ method: 'GET', endpoint: '/clients/{clientid}/subscriptions', reason: 'encoded_slash' });
    const wrongMethod = refusalAnswerOf(refused('PATCH', '/api/v5/clients/dev-1'), 'PATCH');
    expect(wrongMethod).toMatchObject({ status: 405, allow: 'GET, DELETE', body: { code: 'METHOD_NOT_ALLOWED' } });
    expect(refusalAnswerOf(refused('GET', '/api/v5/nowhere'), 'GET')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(refusalAnswerOf(refused('GET', '/api/v5/clients/..'), 'GET')).toMatchObject({ status: 400, body: { code: 'INVALID_PATH', details: { reason: 'dot_segment' } } });
  });
});
