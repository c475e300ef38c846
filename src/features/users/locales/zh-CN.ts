import type { UsersMessages } from './en';

export const usersZhCN: UsersMessages = {
  users: {
    title: '用户',
    newUser: '新建用户',
    createTitle: '新建用户',
    readOnly: '您可以查看账号，但不能修改。',
    emptyTitle: '暂无用户',
    you: '您',
    active: '正常',
    disabled: '已停用',
    disable: '停用',
    enable: '启用',
    changeRole: '修改 {{name}} 的角色',
    actionsFor: '{{name}} 的操作',
    removeTitle: '移除用户',
    removeConfirm: '确定移除 {{name}}？该用户将被登出且无法再登录。',
    created: '已创建用户 {{name}}',
    removed: '已移除用户',
    resetTwoFactor: '重置双重验证',
    resetTwoFactorTitle: '重置双重身份验证',
    resetTwoFactorConfirm:
      '移除 {{name}} 的身份验证器应用和恢复码？该用户会被退出登录，之后仅凭密码登录（若组织要求，会被引导设置新的第二因素）。',
    resetTwoFactorDone: '已为 {{name}} 重置双重身份验证',
    roleChanged: '角色已修改',
    namePlaceholder: '可选',
    initialPassword: '初始密码；请通过安全渠道告知该用户。',
  },
};
