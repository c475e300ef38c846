import { deploymentsEn } from '@/features/deployments/locales/en';
import { deploymentKeysEn } from '@/features/deployment-keys/locales/en';
import { auditEn } from '@/features/audit/locales/en';
import { keyFinderEn } from '@/features/key-finder/locales/en';
import { keyReviewEn } from '@/features/key-review/locales/en';
import { platformKeysEn } from '@/features/platform-keys/locales/en';
import { securityEn } from '@/features/security/locales/en';
import { settingsEn } from '@/features/settings/locales/en';
import { usersEn } from '@/features/users/locales/en';
import { enConsole as sharedEnConsole } from '@/locales/en-console';
import type { Widen } from '@/locales/widen';

/**
 * The signed-in console's strings, loaded with its shell: those several features share and each
 * feature's own (its locales/ folder). A feature's strings live beside it; none overlap.
 */
export const enConsole = {
  ...sharedEnConsole,
  ...deploymentsEn,
  ...deploymentKeysEn,
  ...auditEn,
  ...keyFinderEn,
  ...keyReviewEn,
  ...platformKeysEn,
  ...securityEn,
  ...settingsEn,
  ...usersEn,
};
export type ConsoleMessages = Widen<typeof enConsole>;
