import type { ApiErrorBody, FieldIssue } from '@contract/errors';
import { canConfirmItsYou, confirmItsYou } from './reauthentication';
import { ERROR_CODES } from '@contract/error-codes';

/** Every failed call, with the server's own code and message (DESIGN.md section 2). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Per-field problems of a 422, keyed by field path. */
  get fieldIssues(): FieldIssue[] {
    return Array.isArray(this.details) ? (this.details as FieldIssue[]) : [];
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /** Internal: this is the retry after "Confirm it's you", which is never asked twice. */
  confirmed?: boolean;
}

/**
 * The one way the SPA calls the Console API: same-origin cookie, the CSRF header the server
 * requires on every change, JSON both ways, and errors turned into ApiError. A sensitive change
 * the server wants a fresh re-authentication for asks "Confirm it's you" once and is retried.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'x-keyward-csrf': '1',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(
      0,
      ERROR_CODES.networkError,
      'Keyward cannot be reached. Check your connection and try again.',
    );
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = parsed as Partial<ApiErrorBody> | undefined;
    const stale =
      response.status === 403 && error?.code === ERROR_CODES.reauthRequired;
    if (stale && !options.confirmed && canConfirmItsYou()) {
      // Cancelled: the refusal stands, as the server worded it.
      const confirmed = await confirmItsYou().then(
        () => true,
        () => false,
      );
      if (confirmed) return apiRequest<T>(path, { ...options, confirmed: true });
    }
    throw new ApiError(
      response.status,
      error?.code ?? ERROR_CODES.httpError,
      error?.message ?? `The server answered ${response.status}.`,
      error?.details,
    );
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
