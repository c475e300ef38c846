import { authZhCN } from '@/features/auth/locales/zh-CN';
import { zhCN as sharedZhCN } from '@/locales/zh-CN';
import type { Messages } from './en';

export const zhCN: Messages = { ...sharedZhCN, ...authZhCN };
