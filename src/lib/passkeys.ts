import type { PasskeyOptions } from '@contract/security';
import { ApiError, apiRequest } from './api-client';
import { ERROR_CODES } from '@contract/error-codes';

export interface PasskeyAnswer {
  challengeId: string;
  response: unknown;
}

/** The browser's WebAuthn refusals (cancelled, timed out, no passkey here) as the one error type. */
function asApiError(error: unknown): never {
  if (error instanceof ApiError) throw error;
  const name = error instanceof Error ? error.name : '';
  throw new ApiError(
    0,
    ERROR_CODES.passkeyCancelled,
    name === 'NotAllowedError'
      ? 'The passkey request was cancelled or timed out.'
      : 'This browser could not use a passkey.',
  );
}

/**
 * Asks the browser for a passkey's answer to a challenge from `optionsPath` (the WebAuthn
 * library loads only now: signing in with a password never downloads it).
 */
export async function answerWithPasskey(optionsPath: string): Promise<PasskeyAnswer> {
  try {
    const [{ startAuthentication }, { challengeId, options }] = await Promise.all([
      import('@simplewebauthn/browser'),
      apiRequest<PasskeyOptions>(optionsPath, { method: 'POST' }),
    ]);
    const response = await startAuthentication({
      optionsJSON: options as unknown as Parameters<typeof startAuthentication>[0]['optionsJSON'],
    });
    return { challengeId, response };
  } catch (error) {
    asApiError(error);
  }
}

/** Creates a passkey on this device for the signed-in account; answers what the server must verify. */
export async function registerPasskey(): Promise<PasskeyAnswer> {
  try {
    const [{ startRegistration }, { challengeId, options }] = await Promise.all([
      import('@simplewebauthn/browser'),
      apiRequest<PasskeyOptions>('/api/console/account/passkeys/options', { method: 'POST' }),
    ]);
    const response = await startRegistration({
      optionsJSON: options as unknown as Parameters<typeof startRegistration>[0]['optionsJSON'],
    });
    return { challengeId, response };
  } catch (error) {
    asApiError(error);
  }
}
