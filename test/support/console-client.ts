import type { KeywardApp } from '../../server/app';

export const TEST_HOST = 'keyward.test';
const ORIGIN = `http://${TEST_HOST}`;

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/**
 * Talks to the Console API the way the SPA does: same-origin, with the CSRF header and the
 * session cookie it was given.
 */
export class ConsoleClient {
  private sessionCookie: string | undefined;

  /** `address`: the client address the server sees (inject's remote address). */
  constructor(
    private readonly app: KeywardApp,
    private readonly address?: string,
  ) {}

  get cookie(): string | undefined {
    return this.sessionCookie;
  }

  set cookie(value: string | undefined) {
    this.sessionCookie = value;
  }

  async request<T = any>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        host: TEST_HOST,
        origin: ORIGIN,
        'x-keyward-csrf': '1',
        ...(this.sessionCookie ? { cookie: `keyward_session=${this.sessionCookie}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      ...(this.address ? { remoteAddress: this.address } : {}),
    });
    const setCookie = response.cookies.find((cookie) => cookie.name === 'keyward_session');
    if (setCookie) this.sessionCookie = setCookie.value || undefined;
    return {
      status: response.statusCode,
      body: response.body ? (safeJson(response.body) as T) : (undefined as T),
      headers: response.headers,
    };
  }

  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body?: unknown) => this.request<T>('POST', url, body ?? {});
  patch = <T = any>(url: string, body: unknown) => this.request<T>('PATCH', url, body);
  put = <T = any>(url: string, body?: unknown) => this.request<T>('PUT', url, body);
  delete = <T = any>(url: string) => this.request<T>('DELETE', url);

  async signIn(email: string, password: string): Promise<ApiResponse<any>> {
    return this.post('/api/console/session', { email, password });
  }

  /** "Confirm it's you" with the password: sensitive routes serve this session again for a while. */
  async confirmItsYou(password: string): Promise<void> {
    const confirmed = await this.post('/api/console/account/reauthentication', { method: 'password', password });
    if (confirmed.status !== 200) throw new Error(`confirming failed: ${JSON.stringify(confirmed.body)}`);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
