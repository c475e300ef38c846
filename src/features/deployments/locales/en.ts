import type { Widen } from '@/locales/widen';

/** The deployments feature's English strings (loaded with the console); the app merges every feature's into one bundle. */
export const deploymentsEn = {
  deployments: {
    title: 'Deployments',
    create: 'Create Deployment',
    search: 'Search deployments',
    noMatches: 'No deployment matches your search',
    emptyTitle: 'No deployments yet',
    emptyDescription: 'Deployments of your projects are listed here.',
    created: 'Deployment {{name}} created',
    deleted: 'Deployment {{name}} deleted',
    deleteTitle: 'Delete deployment',
    deleteConfirm:
      'Delete {{name}} ({{id}})? Its TLS certificate and API keys are deleted with it.',
    overview: 'Deployment Overview',
    start: 'Start',
    stop: 'Stop',
    noUpstream: 'Not configured',
    upstreamSection: 'Upstream EMQX REST API (optional)',
    upstreamHint:
      'Where Keyward forwards Deployment API calls, and the upstream API key it uses. The secret is stored encrypted and never shown again.',
    editUpstream: 'Change upstream',
    upstreamSaved: 'Upstream saved',
    upstreamRemoveHint:
      'Leave all three fields empty to remove the upstream: the Deployment API then answers 502.',
    fields: {
      id: 'Deployment ID',
      name: 'Name',
      project: 'Project',
      type: 'Type',
      version: 'EMQX version',
      region: 'Region',
      platform: 'Cloud platform',
      upstreamUrl: 'Upstream API URL',
      upstreamApiKey: 'Upstream API Key',
      upstreamApiSecret: 'Upstream API Secret',
    },
    types: {
      serverless: 'Serverless',
      dedicated_v4: 'Dedicated v4',
      dedicated_v5: 'Dedicated v5',
      dedicated_flex: 'Dedicated Flex',
      byoc: 'BYOC',
    },
    status: { running: 'Running', starting: 'Starting', stopping: 'Stopping', stopped: 'Stopped' },
    upstreamHidden: 'Configured (the address is shown to Root and Administrators)',
    keyCount: 'API keys',
  },
  tls: {
    title: 'TLS Certificate',
    upload: 'Upload certificate',
    replace: 'Replace certificate',
    delete: 'Delete certificate',
    deleteConfirm: "Delete this deployment's TLS certificate?",
    none: 'No TLS certificate yet. Upload one for one-way or two-way TLS.',
    expiringSoon: 'Expires within 30 days',
    subject: 'Subject',
    issuer: 'Issuer',
    sans: 'Subject alternative names',
    validity: 'Valid',
    fingerprint: 'SHA-256 fingerprint',
    type: 'TLS type',
    types: { 'one-way': 'One-way', 'two-way': 'Two-way' },
    cert: 'Certificate (PEM)',
    key: 'Private key (PEM)',
    cacert: 'Client CA certificate (PEM)',
    saved: 'TLS certificate saved',
  },
} as const;

export type DeploymentsMessages = Widen<typeof deploymentsEn>;
