import { useState } from 'react';
import type { PasskeyAnswer } from './passkeys';

/**
 * "Use a passkey" for a form that then sends the answer itself: asks the browser (loading the
 * WebAuthn library now) and keeps the browser's own refusal (cancelled, no passkey here) to show.
 */
export function usePasskeyPrompt(optionsPath: string, onAnswer: (answer: PasskeyAnswer) => void) {
  const [error, setError] = useState<unknown>(null);
  const ask = async () => {
    setError(null);
    try {
      const { answerWithPasskey } = await import('./passkeys');
      onAnswer(await answerWithPasskey(optionsPath));
    } catch (refusal) {
      setError(refusal);
    }
  };
  return { error, ask: () => void ask() };
}
