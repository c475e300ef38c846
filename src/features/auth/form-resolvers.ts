import { zodResolver } from '@hookform/resolvers/zod';
import { signInRequestSchema } from '@contract/auth';
import { setupFormSchema } from './setup-form-schema';

/** The auth screens' zod resolvers, in their own chunk (see lazyResolver). */
export const signInResolver = zodResolver(signInRequestSchema);
export const setupResolver = zodResolver(setupFormSchema);
