import type { AuthMessages } from './en';

export const authZhCN: AuthMessages = {
  setup: {
    title: '创建根账号',
    intro: '欢迎使用 Keyward。请设置组织及其根账号：根账号拥有全部权限，且不能被删除。',
    organizationName: '组织名称',
    email: '邮箱',
    password: '密码',
    confirmPassword: '确认密码',
    passwordHint: '至少 12 个字符。',
    passwordsDiffer: '两次输入的密码不一致',
    submit: '创建',
  },
};
