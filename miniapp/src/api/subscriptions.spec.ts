import { fakeApi, networkFailure, ok } from '../../test/fake-api';
import { managerAndVillager, tokens } from '../../test/fixtures';
import { useAuthStore } from '../stores/auth';
import { grantSubscriptions } from './subscriptions';

beforeEach(() => {
  useAuthStore.getState().signIn({ tokens: tokens(), me: managerAndVillager });
  jest.useFakeTimers();
});
afterEach(() => jest.useRealTimers());

describe('grantSubscriptions', () => {
  it('retries a lost consent call with the same key, and gives the next prompt a new one', async () => {
    let attempts = 0;
    const api = fakeApi({ 'POST /me/subscriptions': (req) => (++attempts < 3 ? networkFailure(req) : ok({ wechatSending: true, templates: [] })) });
    const first = grantSubscriptions(['order_new']);
    await jest.runAllTimersAsync();
    await expect(first).resolves.toEqual({ wechatSending: true, templates: [] });
    await grantSubscriptions(['order_answered']);

    const keys = api.calls.map((call) => call.header['Idempotency-Key']);
    expect(keys).toHaveLength(4);
    expect(keys[0]).toMatch(/^[\w-]{8,64}$/);
    expect(keys.slice(0, 3)).toEqual([keys[0], keys[0], keys[0]]);
    expect(keys[3]).not.toBe(keys[0]);
  });
});
