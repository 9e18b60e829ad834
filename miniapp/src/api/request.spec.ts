import { ErrorCode } from '@hall-menu/shared';
import { fail, fakeApi, networkFailure, ok } from '../../test/fake-api';
import { managerAndVillager, tokens } from '../../test/fixtures';
import Taro from '../../test/taro-mock';
import { AUTH_STORAGE_KEY, useAuthStore } from '../stores/auth';
import { ApiError, NETWORK_ERROR } from './api-error';
import { request } from './request';

const signedIn = () => useAuthStore.getState().signIn({ tokens: tokens('old'), me: managerAndVillager });

beforeEach(() => {
  useAuthStore.getState().signOut();
});

describe('request', () => {
  it('resolves with the body, sends the access token and drops empty query values', async () => {
    signedIn();
    const api = fakeApi({ 'GET /halls': () => ok({ items: [], total: 0, page: 2, pageSize: 20 }) });

    await expect(request('/halls', { query: { page: 2, keyword: '', region: undefined } })).resolves.toEqual({
      items: [],
      total: 0,
      page: 2,
      pageSize: 20,
    });
    expect(api.calls[0].header.Authorization).toBe('Bearer access-old');
    expect(api.calls[0].header['Content-Type']).toBeUndefined(); // no body, no JSON type (Fastify would refuse it)
    expect([...api.calls[0].query.entries()]).toEqual([['page', '2']]);
  });

  it('does not send the session on calls marked auth: false', async () => {
    signedIn();
    const api = fakeApi({ 'GET /system': () => ok({ demoMode: true }) });
    await request('/system', { auth: false });
    expect(api.calls[0].header.Authorization).toBeUndefined();
  });

  it('turns an error body into an ApiError with code, message, status and details', async () => {
    fakeApi({ 'GET /halls/9': () => fail(404, ErrorCode.NotFound, '找不到该礼堂，可能已被删除', { id: 9 }) });

    const error = await request('/halls/9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: ErrorCode.NotFound, message: '找不到该礼堂，可能已被删除', status: 404, details: { id: 9 } });
  });

  it('gives a body that is not ours (a proxy error page) a code and a Chinese message', async () => {
    fakeApi({ 'GET /halls': () => ({ status: 502, body: '<html>Bad Gateway</html>' }) });
    await expect(request('/halls')).rejects.toMatchObject({ code: ErrorCode.Internal, status: 502, message: '服务器开小差了，请稍后再试' });
  });
});

describe('expired access token', () => {
  it('refreshes once for three concurrent calls, then replays each with the new token', async () => {
    signedIn();
    let releaseRefresh: () => void = () => undefined;
    const api = fakeApi({
      'GET /me': (req) => (req.header.Authorization === 'Bearer access-new' ? ok(managerAndVillager) : fail(401, ErrorCode.TokenExpired, '登录已过期')),
      'GET /halls': (req) => (req.header.Authorization === 'Bearer access-new' ? ok({ items: [] }) : fail(401, ErrorCode.TokenExpired, '登录已过期')),
      // Held open until all three calls have hit the expired token.
      'POST /auth/refresh': () => new Promise((resolve) => (releaseRefresh = () => resolve(ok(tokens('new'))))),
    });

    const calls = Promise.all([request('/me'), request('/halls'), request('/halls', { query: { page: 2 } })]);
    await waitUntil(() => api.callsTo('POST /auth/refresh').length === 1 && api.calls.length === 4);
    releaseRefresh();

    await expect(calls).resolves.toEqual([managerAndVillager, { items: [] }, { items: [] }]);
    expect(api.callsTo('POST /auth/refresh')).toHaveLength(1);
    expect(api.callsTo('POST /auth/refresh')[0].data).toEqual({ refreshToken: tokens('old').refreshToken });
    expect(api.callsTo('POST /auth/refresh')[0].header.Authorization).toBeUndefined();
    const replays = api.calls.filter((call) => call.path !== '/auth/refresh' && call.header.Authorization === 'Bearer access-new');
    expect(replays).toHaveLength(3);
    expect(useAuthStore.getState().tokens).toEqual(tokens('new'));
  });

  it('replays only once: a second 401 reaches the caller', async () => {
    signedIn();
    const api = fakeApi({
      'GET /me': () => fail(401, ErrorCode.TokenExpired, '登录已过期'),
      'POST /auth/refresh': () => ok(tokens('new')),
    });
    await expect(request('/me')).rejects.toMatchObject({ code: ErrorCode.TokenExpired });
    expect(api.callsTo('GET /me')).toHaveLength(2);
    expect(api.callsTo('POST /auth/refresh')).toHaveLength(1);
  });

  it.each([ErrorCode.RefreshTokenInvalid, ErrorCode.RefreshTokenReused])(
    'when refresh fails with %s: clears the session and opens login with the message',
    async (code) => {
      signedIn();
      const message = code === ErrorCode.RefreshTokenReused ? '检测到登录异常，已为您退出所有设备，请重新登录' : '登录已失效，请重新登录';
      fakeApi({
        'GET /me': () => fail(401, ErrorCode.TokenExpired, '登录已过期'),
        'POST /auth/refresh': () => fail(401, code, message),
      });

      await expect(Promise.all([request('/me'), request('/me')])).rejects.toMatchObject({ code, message });

      expect(useAuthStore.getState()).toMatchObject({ tokens: null, me: null, activeRole: null });
      expect(JSON.parse(Taro.getStorageSync(AUTH_STORAGE_KEY) as string).state.tokens).toBeNull();
      expect(Taro.navigateTo).toHaveBeenCalledTimes(1);
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/login/index?notice=${encodeURIComponent(message)}` });
    },
  );

  it('keeps the session when the refresh call itself cannot reach the server', async () => {
    signedIn();
    fakeApi({ 'GET /me': () => fail(401, ErrorCode.TokenExpired, '登录已过期'), 'POST /auth/refresh': networkFailure });
    await expect(request('/me')).rejects.toMatchObject({ code: NETWORK_ERROR });
    expect(useAuthStore.getState().tokens).toEqual(tokens('old'));
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('ends the session on any other 401 for a call that sent a token, opening login once', async () => {
    signedIn();
    fakeApi({ 'GET /me': () => fail(401, ErrorCode.Unauthenticated, '登录已失效，请重新登录') });
    await expect(Promise.all([request('/me'), request('/me'), request('/me')])).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    expect(useAuthStore.getState().tokens).toBeNull();
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/login/index?notice=${encodeURIComponent('登录已失效，请重新登录')}` });
  });

  it('does not end a newer session because of a call made with an older one', async () => {
    signedIn();
    let answer: () => void = () => undefined;
    fakeApi({ 'GET /me': () => new Promise((resolve) => (answer = () => resolve(fail(401, ErrorCode.Unauthenticated, '登录已失效，请重新登录')))) });
    const stale = request('/me');
    await waitUntil(() => Taro.request.mock.calls.length === 1);
    useAuthStore.getState().signIn({ tokens: tokens('other'), me: managerAndVillager });
    answer();
    await expect(stale).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    expect(useAuthStore.getState().tokens).toEqual(tokens('other'));
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });
});

describe('network failures', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** Lets the backoff timers run while the call is in flight. */
  async function settle<T>(call: Promise<T>): Promise<{ value?: T; error?: unknown }> {
    const outcome = call.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    await jest.runAllTimersAsync();
    return outcome;
  }

  it('retries a GET twice, then fails with the Chinese network message', async () => {
    const api = fakeApi({ 'GET /halls': networkFailure });
    const { error } = await settle(request('/halls'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: NETWORK_ERROR, status: 0, message: '网络不太好，请检查网络后重试' });
    expect(api.callsTo('GET /halls')).toHaveLength(3);
  });

  it('succeeds when a retry gets through', async () => {
    let attempts = 0;
    fakeApi({ 'GET /halls': (req) => (++attempts < 2 ? networkFailure(req) : ok({ items: [] })) });
    await expect(settle(request('/halls'))).resolves.toEqual({ value: { items: [] } });
    expect(attempts).toBe(2);
  });

  it.each(['PUT', 'DELETE'] as const)('retries %s', async (method) => {
    const api = fakeApi({ [`${method} /halls/1`]: networkFailure });
    await settle(request('/halls/1', { method }));
    expect(api.calls).toHaveLength(3);
  });

  it('does not retry a POST without an idempotency key', async () => {
    const api = fakeApi({ 'POST /auth/demo': networkFailure });
    const { error } = await settle(request('/auth/demo', { method: 'POST', body: { role: 'villager' } }));
    expect(error).toMatchObject({ code: NETWORK_ERROR });
    expect(api.calls).toHaveLength(1);
  });

  it('retries a POST that carries an idempotency key, sending the key each time', async () => {
    const api = fakeApi({ 'POST /orders': networkFailure });
    await settle(request('/orders', { method: 'POST', body: {}, idempotencyKey: 'order-abc' }));
    expect(api.calls).toHaveLength(3);
    expect(api.calls.every((call) => call.header['Idempotency-Key'] === 'order-abc')).toBe(true);
    expect(api.calls[0].header['Content-Type']).toBe('application/json');
  });

  it('retries a safe call while the server answers 503 (database restarting), but not an unsafe POST', async () => {
    let attempts = 0;
    fakeApi({ 'GET /halls': () => (++attempts < 3 ? fail(503, ErrorCode.ServiceUnavailable, '服务暂时不可用') : ok({ items: [] })) });
    await expect(settle(request('/halls'))).resolves.toEqual({ value: { items: [] } });
    expect(attempts).toBe(3);
    const api = fakeApi({ 'POST /needs': () => fail(503, ErrorCode.ServiceUnavailable, '服务暂时不可用') });
    const { error } = await settle(request('/needs', { method: 'POST', body: {} }));
    expect(error).toMatchObject({ code: ErrorCode.ServiceUnavailable, status: 503 });
    expect(api.calls).toHaveLength(1);
  });

  it('does not retry when the server answered, even with an error', async () => {
    const api = fakeApi({ 'GET /halls': () => fail(500, ErrorCode.Internal, '服务器开小差了，请稍后再试') });
    const { error } = await settle(request('/halls'));
    expect(error).toMatchObject({ code: ErrorCode.Internal, status: 500 });
    expect(api.calls).toHaveLength(1);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  if (!condition()) throw new Error('condition not met');
}
