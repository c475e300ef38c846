import type { KeyReviewMessages } from './en';

export const keyReviewZhCN: KeyReviewMessages = {
  review: {
    title: '密钥审查',
    intro:
      '值得复查的密钥：30 天未使用、永不过期、拥有完全访问或超过 50 个权限，或其创建者账号已被删除或禁用。',
    hideReviewed: '隐藏已审查的密钥',
    empty: '没有需要复查的密钥。',
    key: '密钥',
    reasons: '原因',
    reviewed: '审查',
    reviewedBy: '由 {{who}} 于 {{at}} 审查',
    removedAccount: '已删除的账号',
    mark: '标记为已审查',
    markLabel: '将 {{key}} 标记为已审查',
    platformKey: '平台 API 密钥',
    reasonLabels: {
      unused_30d: '30 天未使用',
      never_expires: '永不过期',
      full_access: '完全访问',
      many_grants: '{{count}} 个权限',
      creator_gone: '创建者已删除或禁用',
    },
  },
};
