import type { PlatformKeysMessages } from './en';

export const platformKeysZhCN: PlatformKeysMessages = {
  platformKeyPage: {
    kind: '平台 API 密钥',
    back: '平台 API 密钥',
    access: '访问权限',
    deleted: '已删除 {{key}}',
  },
};
