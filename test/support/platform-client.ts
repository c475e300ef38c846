import type { KeywardApp } from '../../server/app';
import type { ApiResponse, ConsoleClient } from './console-client';

export interface CreatedKey {
  id: string;
  key: string;
  secret: string;
}

/** Issues a Platform API Key through the console, as an administrator would. */
export async function createPlatformKey(
  console: ConsoleClient,
  options: { scopes?: string[]; projectIds?: string[] | null; note?: string } = {},
): Promise<CreatedKey> {
  const response = await console.post('/api/console/platform-keys', {
    note: options.note ?? 'test key',
    scopes: options.scopes ?? ['deployment_management', 'tls_certificate_management', 'project_management'],
    projectIds: options.projectIds ?? null,
  });
  if (response.status !== 201) throw new Error(`key creation failed: ${JSON.stringify(response.body)}`);
  return { id: response.body.id, key: response.body.key, secret: response.body.secret };
}

/** The credentials Keyward holds for test upstreams (an EMQX API key of the deployment). */
export const UPSTREAM_KEY = 'upstream-api-key';
export const UPSTREAM_SECRET = 'upstream-api-secret-value';

export async function createDeployment(
  console: ConsoleClient,
  options: { name?: string; type?: string; projectId?: string; emqxVersion?: string; upstreamUrl?: string } = {},
) {
  const projectId = options.projectId ?? (await console.get('/api/console/projects')).body.projects[0].id;
  const type = options.type ?? 'dedicated_v5';
  const response = await console.post('/api/console/deployments', {
    name: options.name ?? `deployment-${type}`,
    projectId,
    type,
    emqxVersion: options.emqxVersion ?? (type === 'dedicated_v4' ? '4.4.19' : '5.8.9'),
    region: 'us-east-1',
    ...(options.upstreamUrl
      ? { upstreamUrl: options.upstreamUrl, upstreamApiKey: UPSTREAM_KEY, upstreamApiSecret: UPSTREAM_SECRET }
      : {}),
  });
  if (response.status !== 201) throw new Error(`deployment creation failed: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; name: string; projectId: string };
}

/** Calls the Platform API the way an EMQX Platform script does: HTTP Basic with Key:Secret. */
export class PlatformClient {
  constructor(
    private readonly app: KeywardApp,
    private readonly authorization: string | undefined,
  ) {}

  static withKey(app: KeywardApp, key: { key: string; secret: string }): PlatformClient {
    return new PlatformClient(app, `Basic ${Buffer.from(`${key.key}:${key.secret}`).toString('base64')}`);
  }

  async request<T = any>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResponse<T>> {
    const response = await this.app.inject({
      method,
      url: `/public_api/v1${path}`,
      headers: {
        ...(this.authorization ? { authorization: this.authorization } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    let parsed: unknown = response.body;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.statusCode, body: parsed as T, headers: response.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body);
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);
}
