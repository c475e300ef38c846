import type { KeywardConfig } from './config';
import type { Database } from './db/store';
import { createAuthService } from './auth/auth-service';
import { createSetupService } from './organization/setup-service';
import { createProjectsService } from './projects/projects-service';
import { createUsersService } from './users/users-service';

/** Every domain service, wired once per app from the store and the configuration. */
export function createServices(deps: {
  db: Database;
  config: Pick<KeywardConfig, 'sessionIdleMs' | 'signInLimits'>;
  now: () => number;
}) {
  const { db, config, now } = deps;
  return {
    auth: createAuthService({ db, now, sessionIdleMs: config.sessionIdleMs, signInLimits: config.signInLimits }),
    setup: createSetupService({ db }),
    users: createUsersService({ db }),
    projects: createProjectsService({ db }),
  };
}

export type Services = ReturnType<typeof createServices>;
