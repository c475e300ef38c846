/**
 * The text with its last character replaced by a different one. Secrets and ids end in a random
 * base62 character, so a fixed replacement ("x") would leave one in 62 of them unchanged and make
 * the test that relies on the change fail at random.
 */
export function withLastCharacterChanged(text: string): string {
  return text.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
}
