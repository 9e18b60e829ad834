import Taro from './taro-mock';

export interface FakeRequest {
  method: string;
  /** Path below /api, e.g. "/halls". */
  path: string;
  query: URLSearchParams;
  header: Record<string, string>;
  data: unknown;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
}

type Handler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export const ok = (body: unknown): FakeResponse => ({ status: 200, body });

export const fail = (status: number, code: string, message: string, details?: Record<string, unknown>): FakeResponse => ({
  status,
  body: { code, message, ...(details ? { details } : {}) },
});

/** What Taro.request does when no response arrives: it rejects. */
export const networkFailure: Handler = () => {
  throw { errMsg: 'request:fail timeout' };
};

/**
 * Answers Taro.request from a table keyed "METHOD /path"; records every call.
 * An unlisted route answers 404 so a test fails loudly instead of hanging.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: FakeRequest[] = [];
  Taro.request.mockImplementation(async (options: { url: string; method?: string; header?: Record<string, string>; data?: unknown }) => {
    const url = new URL(options.url, 'http://h5.test');
    const request: FakeRequest = {
      method: options.method ?? 'GET',
      path: url.pathname.replace(/^\/api/, ''),
      query: url.searchParams,
      header: options.header ?? {},
      data: options.data,
    };
    calls.push(request);
    const handler = routes[`${request.method} ${request.path}`];
    const response = handler ? await handler(request) : fail(404, 'NOT_FOUND', `测试没有定义 ${request.method} ${request.path}`);
    return { statusCode: response.status, data: response.body, header: {} };
  });
  return {
    calls,
    callsTo: (route: string) => calls.filter((call) => `${call.method} ${call.path}` === route),
  };
}
