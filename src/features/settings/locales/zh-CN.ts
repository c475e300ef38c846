import type { SettingsMessages } from './en';

export const settingsZhCN: SettingsMessages = {
  settings: {
    title: '设置',
    keyPolicy: '密钥策略',
    maxLifetime: '密钥最长有效期',
    maxLifetimeHint: '单位为天。留空：不限。',
    allowNever: '允许永不过期的密钥',
    existingKeep: '新密钥和轮换后的密钥遵循此策略。已有密钥保留原过期时间。',
    saved: '密钥策略已保存',
  },
  twoFactorPolicy: {
    title: '双重身份验证',
    label: '要求双重身份验证',
    off: '不要求',
    admins: 'Root 账号和管理员',
    everyone: '所有人',
    hint: '从每个账号下次登录起生效：没有第二因素的账号会先被引导完成设置。',
    saved: '双重身份验证策略已保存',
  },
  sso: {
    title: '单点登录（OpenID Connect）',
    hint: '成员通过你的身份提供方（Okta、Microsoft Entra ID、Google Workspace、Keycloak 等）登录。账号按已验证的邮箱匹配，新成员获得默认角色。Root 账号始终使用密码和第二因素登录。',
    redirectUri: '重定向 URI',
    redirectUriHint: '请在身份提供方中登记此地址。',
    issuer: '颁发者 URL',
    clientId: '客户端 ID',
    clientSecret: '客户端密钥',
    secretKept: '已保存。留空则保持不变。',
    domains: '允许的邮箱域名',
    domainsHint: '用逗号分隔。留空：任何已验证邮箱。',
    defaultRole: '新账号的角色',
    defaultRoleHint: '首次通过 SSO 登录时授予，绝不会是 Root。',
    ssoOnly: '仅允许 SSO 登录',
    ssoOnlyHint: '除 Root 外，所有账号不能再用密码或通行密钥登录。',
    saved: '单点登录已保存',
    remove: '关闭单点登录',
    removeConfirm:
      '关闭单点登录？成员将重新使用密码登录；由 SSO 创建的账号没有密码，在重新开启前无法登录。',
  },
};
