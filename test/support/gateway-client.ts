import type { KeywardApp } from '../../server/app';
import type { ApiResponse } from './console-client';

/** Calls the Deployment API as a client of an EMQX deployment would: Basic App ID:App Secret. */
export function gatewayCall(
  app: KeywardApp,
  options: { deploymentId: string; path: string; method?: string; key?: { appId: string; appSecret: string }; authorization?: string; body?: string | Buffer; headers?: Record<string, string>; remoteAddress?: string },
): Promise<ApiResponse<any> & { raw: Buffer }> {
  const authorization =
    options.authorization ?? (options.key ? `Basic ${Buffer.from(`${options.key.appId}:${options.key.appSecret}`).toString('base64')}` : undefined);
  return app
    .inject({
      method: (options.method ?? 'GET') as 'GET',
      url: `/api/deployments/${options.deploymentId}${options.path}`,
      headers: { ...(authorization ? { authorization } : {}), ...options.headers },
      ...(options.body !== undefined ? { payload: options.body } : {}),
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    })
    .then((response) => {
      let body: unknown = response.body;
      try {
        body = JSON.parse(response.body);
      } catch {
        // not JSON
      }
      return { status: response.statusCode, body, headers: response.headers, raw: response.rawPayload };
    });
}
