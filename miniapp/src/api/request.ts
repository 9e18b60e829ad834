import Taro from '@tarojs/taro';
import { ERROR_MESSAGES, ErrorCode, type AuthTokens } from '@hall-menu/shared';
import { goToLogin } from '../routes';
import { useAuthStore } from '../stores/auth';
import { ApiError } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Makes a POST safe to retry: the server answers a repeated key with the first result. */
  idempotencyKey?: string;
  /** False for calls that must neither send nor refresh the session (login, refresh itself). */
  auth?: boolean;
}

/** H5 is served by the API server itself; the weapp needs an absolute URL from the build. */
const BASE_URL = process.env.TARO_ENV === 'h5' ? '/api' : API_BASE;
const TIMEOUT_MS = 15_000;
/** Waits before the 1st and 2nd retry of a call that never reached the server. */
const RETRY_DELAYS_MS = [500, 1500];

/** Refresh tokens rotate: when the server rejects one with these codes the session is over. */
const SESSION_OVER_CODES = new Set<string>([
  ErrorCode.RefreshTokenInvalid,
  ErrorCode.RefreshTokenReused,
  ErrorCode.Unauthenticated,
  ErrorCode.AccountDisabled,
]);

/** Full URL of an API path; empty query values are left out. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const pairs = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${BASE_URL}${path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}

function isRetryable(options: RequestOptions): boolean {
  const method = options.method ?? 'GET';
  return method === 'GET' || method === 'PUT' || method === 'DELETE' || (method === 'POST' && Boolean(options.idempotencyKey));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One HTTP exchange, retried only when no response arrived (or the database was restarting) and repeating the call is safe. */
async function send<T>(path: string, options: RequestOptions, accessToken: string | undefined): Promise<T> {
  const header: Record<string, string> = {};
  // Fastify rejects an empty body declared as JSON, so the type goes only with a body.
  if (options.body !== undefined) header['Content-Type'] = 'application/json';
  if (accessToken) header.Authorization = `Bearer ${accessToken}`;
  if (options.idempotencyKey) header['Idempotency-Key'] = options.idempotencyKey;

  const attempts = isRetryable(options) ? RETRY_DELAYS_MS.length + 1 : 1;
  for (let attempt = 1; ; attempt++) {
    let response: Taro.request.SuccessCallbackResult;
    try {
      response = await Taro.request({
        url: apiUrl(path, options.query),
        method: options.method ?? 'GET',
        header,
        data: options.body,
        timeout: TIMEOUT_MS,
        dataType: 'json',
      });
    } catch {
      if (attempt >= attempts) throw ApiError.network();
      await sleep(RETRY_DELAYS_MS[attempt - 1]);
      continue;
    }
    if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;
    // 503: the server is up but its database is restarting; a safe call is worth the same short wait.
    if (response.statusCode === 503 && attempt < attempts) {
      await sleep(RETRY_DELAYS_MS[attempt - 1]);
      continue;
    }
    throw ApiError.fromResponse(response.statusCode, response.data);
  }
}

/** Signs out and opens login, unless the session that failed has already been replaced or ended. */
function endSession(failedAccessToken: string, message: string): void {
  if (useAuthStore.getState().tokens?.accessToken !== failedAccessToken) return;
  useAuthStore.getState().signOut();
  goToLogin(message);
}

/** Shared by every call that hit an expired token at the same time, so the refresh token is used once. */
let refreshInFlight: Promise<string> | null = null;

function refreshAccessToken(expiredToken: string): Promise<string> {
  const tokens = useAuthStore.getState().tokens;
  if (!tokens) return Promise.reject(new ApiError(ErrorCode.Unauthenticated, ERROR_MESSAGES[ErrorCode.Unauthenticated], 401));
  // Another call already refreshed while this one was on the wire.
  if (tokens.accessToken !== expiredToken) return Promise.resolve(tokens.accessToken);
  refreshInFlight ??= (async () => {
    try {
      const fresh = await send<AuthTokens>('/auth/refresh', { method: 'POST', body: { refreshToken: tokens.refreshToken } }, undefined);
      useAuthStore.getState().setTokens(fresh);
      return fresh.accessToken;
    } catch (error) {
      if (error instanceof ApiError && SESSION_OVER_CODES.has(error.code)) endSession(expiredToken, error.message);
      throw error;
    } finally {
      refreshInFlight = null;
    }
  })();
  return refreshInFlight;
}

/**
 * Calls the API and resolves with the response body. Rejects with `ApiError`.
 * An expired access token is refreshed once and the call replayed once with the new one.
 */
export function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return withSession(options.auth !== false, (accessToken) => send<T>(path, options, accessToken));
}

/**
 * Runs one exchange with the session's access token (none when `useSession` is false or nobody is
 * logged in). For calls that cannot go through `request()`, such as `Taro.uploadFile`: they get the
 * same refresh-once-and-replay and the same end of session on a revoked token. `call` must reject with `ApiError`.
 */
export async function withSession<T>(useSession: boolean, call: (accessToken: string | undefined) => Promise<T>): Promise<T> {
  const accessToken = useSession ? useAuthStore.getState().tokens?.accessToken : undefined;
  try {
    return await call(accessToken);
  } catch (error) {
    if (!accessToken || !(error instanceof ApiError) || error.status !== 401) throw error;
    if (error.code !== ErrorCode.TokenExpired) {
      // The session was revoked or the token is unusable: keeping it would fail every call.
      endSession(accessToken, error.message);
      throw error;
    }
    return call(await refreshAccessToken(accessToken));
  }
}
