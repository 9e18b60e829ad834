import type { ConversationDto, LoginResponse, MessagePageDto, OrderDto, Paged } from '@hall-menu/shared';
import type { Browser, Page } from 'playwright-core';
import {
  acceptedOrder,
  apiClient,
  browserPages,
  demoLogin,
  field,
  horizontalOverflow,
  launchBrowser,
  openPage,
  publishedProject,
  screenshot,
  scrollIntoView,
  startServer,
  tapTargetHeights,
  textSamples,
  visiblePage,
  type Api,
  type BrowserPages,
  type RunningServer,
} from './harness';

/** 沟通 in the H5 build: a hall manager and a provider chat about an order in two browsers, in real time. */
describe('H5 in Chromium: manager and provider chat about an order', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let pages: BrowserPages;
  let manager: LoginResponse;
  let provider: LoginResponse;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    api = apiClient(server);
    pages = browserPages(browser);
    manager = await api<LoginResponse>('POST', '/auth/demo', undefined, { role: 'hall_manager' });
    provider = await api<LoginResponse>('POST', '/auth/demo', undefined, { role: 'provider' });
  });
  afterAll(async () => {
    await pages?.closeAll();
    await browser?.close();
    await server?.stop();
  });

  /** An order between the demo manager's hall and the demo provider, accepted for an hour from now (two system lines). */
  async function chatOrder(): Promise<{ order: OrderDto; title: string }> {
    const reviewer = await api<LoginResponse>('POST', '/auth/demo', undefined, { role: 'reviewer' });
    const project = await publishedProject(api, { manager, provider, reviewer }, {
      category: 'performance',
      title: '越剧折子戏进礼堂',
      description: '越剧团演出《五女拜寿》《梁祝》选段，演出后有互动教唱，欢迎全村老少一起来看。',
      durationMinutes: 120,
    });
    const order = await acceptedOrder(api, { manager, provider }, project.id, { startsInMinutes: 60, minutes: 120, expectedAudience: 120 });
    return { order, title: `${project.title} · ${manager.me.scopes.halls[0].name}` };
  }

  async function expectUsable(page: Page) {
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect((await textSamples(page)).filter((s) => s.contrast < 4.5)).toEqual([]);
    for (const target of await tapTargetHeights(page)) expect(target.height).toBeGreaterThanOrEqual(44);
  }

  const send = async (page: Page, text: string) => {
    await field(page, '输入消息').fill(text);
    await visiblePage(page).getByText('发送', { exact: true }).click();
  };

  it('lets the two sides talk in real time, with unread badges, system lines and a refused word', async () => {
    const { order, title } = await chatOrder();
    const conversation = (await api<Paged<ConversationDto>>('GET', '/conversations', manager)).items.find((c) => c.kind === 'order' && c.subjectId === order.id)!;
    expect(conversation).toBeDefined();

    // The provider waits on 消息; the manager's order line is already unread there.
    const providerPage = await pages.phone();
    // What the provider's socket receives: the proof that updates came pushed, not polled.
    const pushed: { type: string; message?: { text: string | null } }[] = [];
    providerPage.on('websocket', (socket) => {
      if (!socket.url().includes('/ws?token=')) return;
      socket.on('framereceived', (frame) => pushed.push(JSON.parse(String(frame.payload)) as (typeof pushed)[number]));
    });
    await demoLogin(providerPage, server.url, '（服务方）');
    await openPage(providerPage, server.url, 'pages/messages/index');
    const card = visiblePage(providerPage).locator('.conversation', { hasText: title });
    await card.waitFor();
    await card.locator('.count-badge', { hasText: '1' }).waitFor();

    // The manager opens the order and taps 联系服务方.
    const managerPage = await pages.phone();
    await demoLogin(managerPage, server.url, '（礼堂管理员）');
    await openPage(managerPage, server.url, `pages/order/index?id=${order.id}`);
    await scrollIntoView(visiblePage(managerPage).getByText('联系服务方', { exact: true }));
    await screenshot(managerPage, 'chat-00-order-contact-button');
    await visiblePage(managerPage).getByText('联系服务方', { exact: true }).click();
    await managerPage.waitForFunction(() => location.hash.includes('pages/chat/index'), undefined, { timeout: 15_000 });
    const managerChat = visiblePage(managerPage);
    await managerChat.locator('.chat-system__text', { hasText: '接单并确定时间' }).waitFor();
    await managerChat.locator('.chat-system__text', { hasText: '等待服务方答复' }).waitFor();

    await send(managerPage, '您好，礼堂的舞台和音响都准备好了，请问演员几点到？需要我们准备茶水和休息室吗？');
    await managerChat.locator('.chat-msg--mine', { hasText: '演员几点到' }).waitFor();
    await expect(field(managerPage, '输入消息').inputValue()).resolves.toBe('');

    // Without a reload the provider's list shows one more unread, on the card, the 对话 segment and the tab.
    await card.locator('.count-badge', { hasText: '2' }).waitFor();
    await visiblePage(providerPage).locator('.segment', { hasText: '对话' }).locator('.count-badge', { hasText: '2' }).waitFor();
    const counts = await api<{ conversations: number; notifications: number; total: number }>('GET', '/conversations/unread', provider);
    expect(counts.conversations).toBe(2);
    await providerPage.locator('.taro-tabbar-badge', { hasText: String(counts.total) }).waitFor();
    await card.locator('.conversation__preview', { hasText: '礼堂：您好' }).waitFor();
    await expectUsable(providerPage);
    await screenshot(providerPage, 'chat-01-provider-list-unread');

    await card.click();
    await providerPage.waitForFunction(() => location.hash.includes('pages/chat/index'), undefined, { timeout: 15_000 });
    const providerChat = visiblePage(providerPage);
    await providerChat.locator('.chat-msg', { hasText: '演员几点到' }).locator('.chat-msg__meta', { hasText: '礼堂' }).waitFor();
    await send(providerPage, '我们下午一点半到，茶水不用麻烦，有个地方换衣服就行。');

    // The manager's page shows the reply as it comes, and the provider's page the manager's next message.
    await managerChat.locator('.chat-msg:not(.chat-msg--mine)', { hasText: '一点半到' }).locator('.chat-msg__meta', { hasText: '服务方' }).waitFor();
    await send(managerPage, '好的，二楼会议室给你们换衣服。');
    await providerChat.locator('.chat-msg', { hasText: '二楼会议室' }).waitFor();
    // A long line without spaces (a phone number and a link) wraps inside the bubble instead of widening the page.
    await send(managerPage, '停车位置见这里：https://hall-menu.example.cn/halls/1234567890/parking-and-entrance-map 有事打13800001234');
    await providerChat.locator('.chat-msg', { hasText: '停车位置' }).waitFor();
    expect(await horizontalOverflow(providerPage)).toBeLessThanOrEqual(0);
    expect(await horizontalOverflow(managerPage)).toBeLessThanOrEqual(0);

    // A blocked word: the server's Chinese reason, nothing stored, the words kept to be changed.
    await send(managerPage, '你这个傻逼');
    await managerChat.getByText('内容含有不当用语“傻逼”，请修改后再提交').waitFor();
    await expect(field(managerPage, '输入消息').inputValue()).resolves.toBe('你这个傻逼');

    await expectUsable(managerPage);
    await screenshot(managerPage, 'chat-02-manager-chat-refused-word');

    // A state change made elsewhere appears as a system line on both open pages, without a reload.
    await api('POST', `/orders/${order.id}/actions/provider_cancel`, provider, { reason: '主要演员生病，无法按时到场' });
    await managerChat.locator('.chat-system__text', { hasText: '主要演员生病' }).waitFor();
    await providerChat.locator('.chat-system__text', { hasText: '主要演员生病' }).waitFor();
    await expectUsable(providerPage);
    await screenshot(providerPage, 'chat-03-provider-chat');
    // The top of the conversation: what it is about, with the link to the order.
    await scrollIntoView(providerChat.locator('.chat-head'));
    await screenshot(providerPage, 'chat-03b-provider-chat-top');

    const stored = await api<MessagePageDto>('GET', `/conversations/${conversation.id}/messages?limit=100`, manager);
    const texts = stored.items.map((m) => m.text ?? `[${m.kind}]`);
    expect(texts.filter((t) => t.includes('演员几点到'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('一点半到'))).toHaveLength(1);
    expect(texts.some((t) => t.includes('傻逼'))).toBe(false);
    expect(stored.items.filter((m) => m.kind === 'system').length).toBeGreaterThanOrEqual(2);

    expect(pushed.some((f) => f.type === 'ready')).toBe(true);
    expect(pushed.some((f) => f.type === 'message' && f.message?.text?.includes('演员几点到'))).toBe(true);
    expect(pushed.some((f) => f.type === 'unread')).toBe(true);
    await expect(visiblePage(managerPage).getByText('实时连接已断开', { exact: false }).count()).resolves.toBe(0);

    // Read on both sides: nothing left unread in this conversation.
    await expect(api<ConversationDto>('GET', `/conversations/${conversation.id}`, provider)).resolves.toMatchObject({ unread: 0 });
    await expect(api<ConversationDto>('GET', `/conversations/${conversation.id}`, manager)).resolves.toMatchObject({ unread: 0 });

    // 长辈模式 on both phones: larger text, still no sideways scrolling, every button at least 44 px tall.
    for (const [page, name] of [
      [managerPage, 'chat-04-manager-chat-elder'],
      [providerPage, 'chat-05-provider-chat-elder'],
    ] as const) {
      await openPage(page, server.url, 'pages/mine/index');
      await visiblePage(page).getByText('长辈模式').click();
      await page.locator('.page-shell--elder >> visible=true').first().waitFor();
      await openPage(page, server.url, `pages/chat/index?id=${conversation.id}`);
      await visiblePage(page).locator('.page-shell--elder .chat-msg__bubble').first().waitFor();
      const bubble = (await textSamples(page)).find((s) => s.text.startsWith('好的，二楼会议室'))!;
      expect(bubble.fontSize).toBeGreaterThanOrEqual(18);
      await expectUsable(page);
      await screenshot(page, name);
    }
  });
});
