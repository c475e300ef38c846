import { deploymentsZhCN } from '@/features/deployments/locales/zh-CN';
import { deploymentKeysZhCN } from '@/features/deployment-keys/locales/zh-CN';
import { auditZhCN } from '@/features/audit/locales/zh-CN';
import { keyFinderZhCN } from '@/features/key-finder/locales/zh-CN';
import { keyReviewZhCN } from '@/features/key-review/locales/zh-CN';
import { platformKeysZhCN } from '@/features/platform-keys/locales/zh-CN';
import { securityZhCN } from '@/features/security/locales/zh-CN';
import { settingsZhCN } from '@/features/settings/locales/zh-CN';
import { usersZhCN } from '@/features/users/locales/zh-CN';
import { zhCNConsole as sharedZhCNConsole } from '@/locales/zh-CN-console';
import type { ConsoleMessages } from './en-console';

export const zhCNConsole: ConsoleMessages = {
  ...sharedZhCNConsole,
  ...deploymentsZhCN,
  ...deploymentKeysZhCN,
  ...auditZhCN,
  ...keyFinderZhCN,
  ...keyReviewZhCN,
  ...platformKeysZhCN,
  ...securityZhCN,
  ...settingsZhCN,
  ...usersZhCN,
};
