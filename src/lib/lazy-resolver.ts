import type { FieldValues, Resolver } from 'react-hook-form';

/**
 * A react-hook-form resolver that loads its schema (and zod with it) on first use instead of
 * with the page: the sign-in and setup screens are the first load, and zod is a fifth of it.
 * `preload` fetches it once the screen is up, so validation never waits in practice.
 */
export function lazyResolver<TInput extends FieldValues, TOutput>(
  load: () => Promise<Resolver<TInput, unknown, TOutput>>,
): Resolver<TInput, unknown, TOutput> & { preload: () => void } {
  let loaded: Promise<Resolver<TInput, unknown, TOutput>> | undefined;
  const get = () => (loaded ??= load());
  const resolver: Resolver<TInput, unknown, TOutput> = async (values, context, options) =>
    (await get())(values, context, options);
  return Object.assign(resolver, { preload: () => void get() });
}
