import type { SubscriptionsDto } from '@hall-menu/shared';
import { fakeApi, ok } from '../../test/fake-api';
import Taro from '../../test/taro-mock';
import { askSubscribe, forgetSubscribeTemplates, preloadSubscribeTemplates } from './subscribe';

const requestSubscribeMessage = jest.fn();
Object.assign(Taro, { requestSubscribeMessage });

const subscriptions: SubscriptionsDto = {
  wechatSending: true,
  templates: [
    { key: 'order_answered', label: '点单答复通知', templateId: 'tmpl-answered', remaining: 0 },
    { key: 'rate_request', label: '评价邀请', templateId: null, remaining: 0 },
    { key: 'event_tomorrow', label: '活动开始提醒', templateId: 'tmpl-tomorrow', remaining: 1 },
  ],
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  process.env.TARO_ENV = 'h5';
  forgetSubscribeTemplates();
  requestSubscribeMessage.mockReset();
});

describe('subscribe prompts in H5', () => {
  it('do nothing: H5 has no subscribe messages', async () => {
    const api = fakeApi({ 'GET /me/subscriptions': () => ok(subscriptions) });
    preloadSubscribeTemplates();
    await settle();
    await expect(askSubscribe('orderPlaced')).resolves.toEqual([]);
    expect(api.calls).toHaveLength(0);
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });
});

describe('subscribe prompts in the weapp', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it('ask for the moment’s templates the server has ids for, and record the accepted ones', async () => {
    const api = fakeApi({ 'GET /me/subscriptions': () => ok(subscriptions), 'POST /me/subscriptions': () => ok(subscriptions) });
    preloadSubscribeTemplates();
    preloadSubscribeTemplates();
    await settle();
    expect(api.callsTo('GET /me/subscriptions')).toHaveLength(1);

    requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-answered': 'accept' });
    await expect(askSubscribe('orderPlaced')).resolves.toEqual(['order_answered']);
    // rate_request has no template id on this server, so it is not asked for.
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-answered'] });
    expect(api.callsTo('POST /me/subscriptions').map((c) => c.data)).toEqual([{ accepted: ['order_answered'] }]);
  });

  it('record nothing when the person says no or closes the prompt', async () => {
    const api = fakeApi({ 'GET /me/subscriptions': () => ok(subscriptions), 'POST /me/subscriptions': () => ok(subscriptions) });
    preloadSubscribeTemplates();
    await settle();
    requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-tomorrow': 'reject' });
    await expect(askSubscribe('seatsReserved')).resolves.toEqual([]);
    requestSubscribeMessage.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail cancel' });
    await expect(askSubscribe('seatsReserved')).resolves.toEqual([]);
    expect(api.callsTo('POST /me/subscriptions')).toHaveLength(0);
  });

  it('stay silent before the template ids are known (the prompt cannot wait for them inside a tap)', async () => {
    fakeApi({});
    await expect(askSubscribe('orderPlaced')).resolves.toEqual([]);
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });
});
