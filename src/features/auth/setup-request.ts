import type { SetupRequest } from '@contract/auth';
import type { SetupFormOutput } from './setup-form-schema';

/** What the server is sent: the form without its confirmation field. */
export function toSetupRequest(form: SetupFormOutput): SetupRequest {
  return { organizationName: form.organizationName, email: form.email, password: form.password };
}
