import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import { applyFieldIssues } from './form-errors';

describe('applyFieldIssues', () => {
  it("puts a 422's messages on the named fields and ignores unknown ones", () => {
    const setError = vi.fn();
    const error = new ApiError(422, 'VALIDATION_FAILED', 'The request body has invalid fields.', [
      { path: 'email', message: 'Enter a valid email address' },
      { path: 'nickname', message: 'not a field of this form' },
    ]);
    expect(
      applyFieldIssues<{ email: string; password: string }>(error, setError, ['email', 'password']),
    ).toBe(true);
    expect(setError).toHaveBeenCalledTimes(1);
    expect(setError).toHaveBeenCalledWith('email', {
      type: 'server',
      message: 'Enter a valid email address',
    });
  });

  it('does nothing for errors without field details', () => {
    const setError = vi.fn();
    expect(applyFieldIssues(new Error('offline'), setError, [])).toBe(false);
    expect(applyFieldIssues(new ApiError(409, 'EMAIL_TAKEN', 'taken'), setError, [])).toBe(false);
    expect(setError).not.toHaveBeenCalled();
  });
});
