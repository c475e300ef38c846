// Kept free of zod: the SPA reads these on its first paint (see errors.ts for the schema).

interface ErrorDefinition {
  /** The HTTP statuses it comes with (several where one refusal has more than one occasion). */
  statuses: readonly number[];
  en: string;
  zh: string;
}

/**
 * Every error code Keyward answers with, on every surface: its statuses and what it means in
 * both languages. The one home of a code: the server names codes through ERROR_CODES, a test
 * fails on a code spelled anywhere else (test/lint/error-codes.test.ts), and the OpenAPI
 * documents list them (contract/errors.ts).
 */
export const ERRORS = {
  BAD_REQUEST: { statuses: [400], en: 'The request could not be understood.', zh: '无法理解该请求。' },
  VALIDATION_FAILED: { statuses: [422], en: 'Some fields are not valid.', zh: '部分字段无效。' },
  UNAUTHENTICATED: { statuses: [401], en: 'Sign in, or send valid credentials.', zh: '请登录或提供有效凭据。' },
  INVALID_CREDENTIALS: { statuses: [401], en: 'Incorrect email or password.', zh: '邮箱或密码错误。' },
  FORBIDDEN: { statuses: [403], en: 'You do not have permission to do this.', zh: '您没有执行此操作的权限。' },
  CSRF_REJECTED: { statuses: [403], en: 'Cross-site request refused.', zh: '已拒绝跨站请求。' },
  NOT_FOUND: { statuses: [404], en: 'Not found.', zh: '未找到。' },
  CONFLICT: { statuses: [409], en: 'This conflicts with the current state.', zh: '与当前状态冲突。' },
  TOO_MANY_REQUESTS: { statuses: [429], en: 'Too many requests. Try again later.', zh: '请求过多，请稍后再试。' },
  INTERNAL_ERROR: { statuses: [500], en: 'Something went wrong on our side.', zh: '服务器内部出错。' },
  SERVICE_UNAVAILABLE: { statuses: [503], en: 'Storage is temporarily unavailable.', zh: '存储暂时不可用。' },
  PAYLOAD_TOO_LARGE: { statuses: [413], en: 'The request body is too large.', zh: '请求体过大。' },
  UNSUPPORTED_MEDIA_TYPE: { statuses: [415], en: 'Send the body as application/json.', zh: '请以 application/json 发送请求体。' },
  MISDIRECTED_REQUEST: { statuses: [421], en: 'This origin does not serve that API.', zh: '此源不提供该 API。' },
  DRAINING: { statuses: [503], en: 'This instance is shutting down.', zh: '此实例正在关闭。' },
  SETUP_COMPLETE: { statuses: [409], en: 'Keyward is already set up.', zh: 'Keyward 已完成初始化。' },
  // Sign-in and the account's security.
  SECOND_FACTOR_REQUIRED: { statuses: [401], en: 'Confirm it is you with your second factor.', zh: '请使用第二重验证确认身份。' },
  TWO_FACTOR_SETUP_REQUIRED: { statuses: [403], en: 'Set up two-factor authentication to continue.', zh: '请先设置双重身份验证。' },
  REAUTH_REQUIRED: { statuses: [403], en: "Confirm it's you to continue.", zh: '请先确认是您本人。' },
  INVALID_CODE: { statuses: [401, 422], en: 'That code is not valid.', zh: '验证码无效。' },
  INVALID_PASSKEY: { statuses: [401, 422], en: 'The passkey could not be verified.', zh: '无法验证通行密钥。' },
  WRONG_PASSWORD: { statuses: [401, 422], en: 'That password is not right.', zh: '密码不正确。' },
  SSO_REQUIRED: { statuses: [403], en: 'Your organisation signs in with single sign-on.', zh: '您的组织使用单点登录。' },
  TOTP_ALREADY_SET_UP: { statuses: [409], en: 'An authenticator app is already set up.', zh: '已设置身份验证器应用。' },
  TOTP_NOT_PENDING: { statuses: [409], en: 'Start setting up an authenticator app first.', zh: '请先开始设置身份验证器应用。' },
  TWO_FACTOR_REQUIRED_BY_POLICY: { statuses: [409], en: 'Your organisation requires a second factor.', zh: '您的组织要求保留第二重验证。' },
  SSO_ISSUER_NOT_ALLOWED: { statuses: [422], en: 'Keyward may not connect to this issuer.', zh: 'Keyward 不可连接此签发方。' },
  SSO_ISSUER_UNREACHABLE: { statuses: [422], en: 'No OpenID Connect provider answered at this issuer URL.', zh: '此签发方地址没有 OpenID Connect 提供方响应。' },
  // Accounts, projects, deployments, certificates, keys.
  EMAIL_TAKEN: { statuses: [409], en: 'An account with this email exists.', zh: '该邮箱已有账户。' },
  PROJECT_NAME_TAKEN: { statuses: [409], en: 'A project with this name already exists.', zh: '已存在同名项目。' },
  DEPLOYMENT_STATE_CONFLICT: { statuses: [409], en: 'The deployment is not in a state that allows this.', zh: '部署当前状态不允许此操作。' },
  DEPLOYMENT_TYPE_UNSUPPORTED: { statuses: [422], en: 'This deployment type does not support that.', zh: '此部署类型不支持该操作。' },
  UPSTREAM_NOT_ALLOWED: { statuses: [422, 502], en: 'Keyward may not connect to this address.', zh: 'Keyward 不可连接此地址。' },
  TLS_EXISTS: { statuses: [409], en: 'This deployment already has a TLS certificate.', zh: '此部署已有 TLS 证书。' },
  TLS_CERTIFICATE_INVALID: { statuses: [422], en: 'The TLS certificate did not pass a check.', zh: 'TLS 证书未通过校验。' },
  APP_ID_TAKEN: { statuses: [409], en: 'A key with this App ID already exists.', zh: '已存在此 App ID 的密钥。' },
  KEY_VERSION_CONFLICT: { statuses: [409], en: 'Someone else changed this key since you opened it.', zh: '此密钥在您打开后已被他人修改。' },
  // A key whose secret was right, refused all the same.
  KEY_EXPIRED: { statuses: [401], en: 'This API key has expired.', zh: '此 API 密钥已过期。' },
  KEY_DISABLED: { statuses: [401], en: 'This API key is disabled.', zh: '此 API 密钥已停用。' },
  CLIENT_ADDRESS_NOT_ALLOWED: { statuses: [403], en: 'This API key may not be used from this client address.', zh: '此 API 密钥不可从该客户端地址使用。' },
  // The Deployment API (gateway).
  INVALID_PATH: { statuses: [400], en: 'The request path has no single canonical form.', zh: '请求路径没有唯一的规范形式。' },
  METHOD_NOT_ALLOWED: { statuses: [405], en: 'This endpoint does not take that method.', zh: '此端点不支持该方法。' },
  PERMISSION_DENIED: { statuses: [403], en: 'This API key may not call this endpoint.', zh: '此 API 密钥无权调用该端点。' },
  DEPLOYMENT_STOPPED: { statuses: [503], en: 'The deployment is not running.', zh: '部署未在运行。' },
  UPSTREAM_NOT_CONFIGURED: { statuses: [502], en: 'This deployment has no upstream EMQX REST API configured.', zh: '此部署未配置上游 EMQX REST API。' },
  UPSTREAM_UNREACHABLE: { statuses: [502], en: 'The upstream EMQX REST API could not be reached.', zh: '无法连接上游 EMQX REST API。' },
  UPSTREAM_TIMEOUT: { statuses: [504], en: 'The upstream EMQX REST API took too long to answer.', zh: '上游 EMQX REST API 响应超时。' },
  // Raised in the browser itself, never sent by the server (src/lib/api-client.ts, passkeys.ts).
  NETWORK_ERROR: { statuses: [], en: 'Keyward cannot be reached. Check your connection and try again.', zh: '无法连接 Keyward，请检查网络后重试。' },
  HTTP_ERROR: { statuses: [], en: 'The server answered with an error.', zh: '服务器返回了错误。' },
  PASSKEY_CANCELLED: { statuses: [], en: 'The passkey request was cancelled or timed out.', zh: '通行密钥请求已取消或超时。' },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODE_LIST = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];

const camel = (code: string) => code.toLowerCase().replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/** The codes by name (`ERROR_CODES.permissionDenied`): how code everywhere else names a code. */
export const ERROR_CODES = Object.fromEntries(ERROR_CODE_LIST.map((code) => [camel(code), code])) as {
  readonly [Code in ErrorCode as CamelCase<Code>]: Code;
};

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Lowercase<Head>}${Capitalize<CamelCase<Tail>>}` : Lowercase<S>;
