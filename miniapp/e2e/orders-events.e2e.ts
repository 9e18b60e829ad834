import type { HallDto, LoginResponse, MenuItemDto, OrderDto, Paged } from '@hall-menu/shared';
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
  startServer,
  visiblePage,
  type Api,
  type BrowserPages,
  type RunningServer,
} from './harness';

/** 点单预约 and 活动预约 in the H5 build: manager orders, provider accepts, villager sees, reserves and is checked in. */
describe('H5 in Chromium: ordering, events, reservations, check-in', () => {
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

  const idFromUrl = (page: Page) => Number(new URL(page.url().replace('#/', '')).searchParams.get('id'));

  it('lets a manager order from the menu and a provider accept; the event shows on 活动 for the villager', async () => {
    const hall = manager.me.scopes.halls[0];
    const menu = await api<Paged<MenuItemDto>>('GET', `/menu?hallId=${hall.id}&providerId=${provider.me.scopes.provider!.id}&pageSize=1`);
    const project = menu.items[0];

    const managerPage = await pages.phone();
    await demoLogin(managerPage, server.url, '（礼堂管理员）');
    await openPage(managerPage, server.url, `pages/project/index?id=${project.id}`);
    await visiblePage(managerPage).getByText('点单预约', { exact: true }).click();
    await managerPage.waitForFunction(() => location.hash.includes('order-form'), undefined, { timeout: 15_000 });
    const form = visiblePage(managerPage);
    if (manager.me.scopes.halls.length > 1) await form.getByText(hall.name, { exact: true }).first().click();
    await form.getByText('今年剩余点单额度', { exact: false }).first().waitFor();
    await field(managerPage, '例如 150').fill('150');
    expect(await horizontalOverflow(managerPage)).toBeLessThanOrEqual(0);
    await screenshot(managerPage, 'orders-01-order-form');
    await form.getByText('提交点单', { exact: true }).click();
    await managerPage.waitForFunction(() => location.hash.includes('pages/order/index'), undefined, { timeout: 15_000 });
    await visiblePage(managerPage).getByText('待服务方答复').first().waitFor();
    const orderId = idFromUrl(managerPage);
    await screenshot(managerPage, 'orders-02-order-placed');

    const providerPage = await pages.phone();
    await demoLogin(providerPage, server.url, '（服务方）');
    await openPage(providerPage, server.url, `pages/order/index?id=${orderId}`);
    await visiblePage(providerPage).getByText('接单并确定时间', { exact: true }).click();
    await screenshot(providerPage, 'orders-03-provider-picks-time');
    await visiblePage(providerPage).getByText('确认接单并确定时间', { exact: true }).click();
    await visiblePage(providerPage).getByText('已确定时间').first().waitFor();
    await screenshot(providerPage, 'orders-04-accepted');
    const accepted = await api<OrderDto>('GET', `/orders/${orderId}`, manager);
    expect(accepted.status).toBe('accepted');
    expect(accepted.event).not.toBeNull();

    const villagerPage = await pages.phone();
    await demoLogin(villagerPage, server.url, '（村民）');
    await openPage(villagerPage, server.url, 'pages/events/index');
    await visiblePage(villagerPage).getByText(project.title).first().waitFor();
    expect(await horizontalOverflow(villagerPage)).toBeLessThanOrEqual(0);
    await screenshot(villagerPage, 'orders-05-event-on-activities');
  });

  it('lets a villager reserve a seat and show the QR code, and the manager check them in', async () => {
    // An event starting within the hour, so today is its check-in day: a project with no lead time, via the API.
    const reviewer = await api<LoginResponse>('POST', '/auth/demo', undefined, { role: 'reviewer' });
    const project = await publishedProject(api, { manager, provider, reviewer }, {
      category: 'film',
      title: '今晚露天电影放映',
      description: '今晚在礼堂门口放映一部优秀国产影片，映前播放防诈骗公益短片，欢迎全村老少。',
      durationMinutes: 120,
    });
    const accepted = await acceptedOrder(api, { manager, provider }, project.id, { startsInMinutes: 60, minutes: 120 });
    const eventId = accepted.event!.id;

    const villagerPage = await pages.phone();
    await demoLogin(villagerPage, server.url, '（村民）');
    await openPage(villagerPage, server.url, `pages/event/index?id=${eventId}`);
    const eventPage = visiblePage(villagerPage);
    await eventPage.getByText('今晚露天电影放映').first().waitFor();
    await eventPage.getByText('预约', { exact: true }).click();
    await eventPage.getByText(/预约成功/).first().waitFor();
    await eventPage.locator('.qr').first().waitFor();
    const code = ((await eventPage.locator('.ticket__code').first().textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(await horizontalOverflow(villagerPage)).toBeLessThanOrEqual(0);
    await screenshot(villagerPage, 'events-01-reserved-with-qr');

    const managerPage = await pages.phone();
    await demoLogin(managerPage, server.url, '（礼堂管理员）');
    await openPage(managerPage, server.url, `packages/manager/pages/check-in/index?eventId=${eventId}`);
    await field(managerPage, '例如 AB12CD34').fill(code.toLowerCase());
    await visiblePage(managerPage).getByText('签到', { exact: true }).click();
    await visiblePage(managerPage).getByText(/签到成功/).first().waitFor();
    await screenshot(managerPage, 'events-02-checked-in');
    // The same code again (the field clears after a success).
    await field(managerPage, '例如 AB12CD34').fill(code);
    await visiblePage(managerPage).getByText('签到', { exact: true }).click();
    await visiblePage(managerPage).getByText('这个预约码已经签到过了').first().waitFor();
  });

  it('lets a villager choose their village by name and follow a hall', async () => {
    const halls = await api<Paged<HallDto>>('GET', '/halls?page=3&pageSize=1');
    const target = halls.items[0];
    const villagerPage = await pages.phone();
    await demoLogin(villagerPage, server.url, '（村民）');
    await openPage(villagerPage, server.url, 'pages/village/index');
    const page = visiblePage(villagerPage);
    await page.getByText('本村礼堂', { exact: false }).first().waitFor();
    await field(villagerPage, '输入村名或礼堂名，例如 鲍田').fill(target.villageName);
    await page.getByText('搜索', { exact: true }).click();
    await page.locator('.card', { hasText: '设为我的村' }).filter({ hasText: target.regionPath }).getByText('设为我的村').click();
    await page.locator('.card__title', { hasText: target.regionPath }).first().waitFor();
    // Another village's hall, to follow.
    const other = (await api<Paged<HallDto>>('GET', '/halls?page=4&pageSize=1')).items[0];
    await field(villagerPage, '输入村名或礼堂名，例如 鲍田').fill(other.villageName);
    await page.getByText('搜索', { exact: true }).click();
    await page.locator('.card', { hasText: '关注这个礼堂' }).filter({ hasText: other.name }).getByText('关注这个礼堂').click();
    await page.locator('.card', { hasText: '已关注' }).filter({ hasText: other.name }).first().waitFor();
    const villager = await api<LoginResponse>('POST', '/auth/demo', undefined, { role: 'villager' });
    const mine = await api<{ villageHallIds: number[]; followedHallIds: number[] }>('GET', '/me/halls', villager);
    expect(mine.villageHallIds).toContain(target.id);
    expect(mine.followedHallIds).toContain(other.id);
    expect(await horizontalOverflow(villagerPage)).toBeLessThanOrEqual(0);
    await screenshot(villagerPage, 'events-03-my-village-and-halls');
  });
});
