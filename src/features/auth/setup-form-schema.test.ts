import { describe, expect, it } from 'vitest';
import { setupFormSchema } from './setup-form-schema';
import { toSetupRequest } from './setup-request';

describe('setup form', () => {
  const valid = {
    organizationName: ' Acme ',
    email: ' Root@Example.com ',
    password: 'correct horse battery',
    confirmPassword: 'correct horse battery',
  };

  it('maps to the request without the confirmation, normalised as the server will', () => {
    expect(toSetupRequest(setupFormSchema.parse(valid))).toEqual({
      organizationName: 'Acme',
      email: 'root@example.com',
      password: 'correct horse battery',
    });
  });

  it('flags a confirmation that differs on the confirmation field', () => {
    const result = setupFormSchema.safeParse({ ...valid, confirmPassword: 'something else!!' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['confirmPassword']);
  });
});
