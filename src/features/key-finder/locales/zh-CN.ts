import type { KeyFinderMessages } from './en';

export const keyFinderZhCN: KeyFinderMessages = {
  keyFinder: {
    title: '通过密钥查找',
    hint: '在不该出现的地方发现了密钥？粘贴它：Keyward 通过带密钥的哈希找到对应的密钥，您可以立即轮换或删除。',
    secret: '密钥',
    find: '查找',
    notFound: '本组织没有使用此密钥的 API 密钥。',
    foundPlatform: '平台 API 密钥 {{key}}',
    foundDeployment: '{{deployment}} 的部署 API 密钥 {{key}}',
    foundPrevious: '这是已轮换密钥的旧密钥，仍处于宽限期内。',
    deleteFound: '删除 {{key}}？所有使用它的客户端将立即无法访问。',
    deletedFound: '已删除 {{key}}',
    open: '打开',
    intro:
      '事件响应：密钥出现在日志、代码仓库或工单中。在此找到它所属的 API 密钥，然后轮换或删除。每次查找都记入审计日志；密钥本身从不存储或记录。',
  },
};
