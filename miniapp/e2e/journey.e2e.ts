import type { LoginResponse, OrderDto, RegionStatsDto } from '@hall-menu/shared';
import type { Browser, Page } from 'playwright-core';
import {
  apiClient,
  browserPages,
  demoLogin,
  field,
  horizontalOverflow,
  launchBrowser,
  openPage,
  runClock,
  screenshot,
  startServer,
  tapTargetHeights,
  textSamples,
  visiblePage,
  type Api,
  type BrowserPages,
  type RunningServer,
} from './harness';

/**
 * The whole journey in one browser run, once as is and once in 长辈模式, on a phone-sized screen: a provider declares,
 * a reviewer approves, a hall manager orders, the provider accepts, both sides talk, a villager reserves and is checked
 * in, the provider reports completion, the manager confirms, villager and manager rate, and the reviewer sees the
 * service in the statistics. Every step is done in the UI and photographed.
 *
 * The service is scheduled for today (check-in opens 3 hours before it starts): the run's clock (harness.ts) leaves
 * the whole day ahead, whatever the machine's hour.
 */
describe.each([
  { mode: 'standard', elder: false },
  { mode: 'elder', elder: true },
])('the whole journey in H5 ($mode)', ({ mode, elder }) => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let pages: BrowserPages;
  const title = `全程${elder ? '长辈' : ''}测试越剧专场${Date.now() % 10000}`;
  let step = 0;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    api = apiClient(server);
    pages = browserPages(browser);
  });
  afterAll(async () => {
    await pages?.closeAll();
    await browser?.close();
    await server?.stop();
  });

  function newPage(): Promise<Page> {
    if (!elder) return pages.phone();
    // 长辈模式 is a remembered preference: set it before the app starts, as a returning user would have it.
    // Taro's H5 storage keeps each value wrapped as {data}; the store's value is zustand's JSON.
    return pages.phone((context) =>
      context.addInitScript(() => localStorage.setItem('hall-menu.prefs', JSON.stringify({ data: JSON.stringify({ state: { elderMode: true }, version: 1 }) }))),
    );
  }

  /** A photo of the step, after checking what every step must satisfy on a phone (and in 长辈模式, its sizes). */
  async function checkpoint(page: Page, name: string): Promise<void> {
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const samples = await textSamples(page);
    expect(samples.length).toBeGreaterThan(0);
    const unreadable = samples.filter((s) => s.contrast < 4.5);
    expect(unreadable).toEqual([]);
    if (elder) {
      await page.locator('.taro_page_show .page-shell--elder >> visible=true').first().waitFor();
      const body = samples.filter((s) => s.text.length >= 4).map((s) => s.fontSize).sort((a, b) => a - b);
      expect(body[Math.floor(body.length / 2)]).toBeGreaterThanOrEqual(18);
      for (const target of await tapTargetHeights(page)) expect(target.height).toBeGreaterThanOrEqual(44);
    }
    step += 1;
    await screenshot(page, `journey-${mode}-${String(step).padStart(2, '0')}-${name}`);
  }

  const idFromUrl = (page: Page) => Number(new URL(page.url().replace('#/', '')).searchParams.get('id'));
  const waitForRoute = (page: Page, part: string) => page.waitForFunction((p) => location.hash.includes(p), part, { timeout: 15_000 });

  it('runs from declaration to the statistics', async () => {
    // 1. The provider declares a project that can be ordered for today.
    const providerPage = await newPage();
    await demoLogin(providerPage, server.url, '（服务方）');
    await openPage(providerPage, server.url, 'packages/provider/pages/project-form/index');
    const form = visiblePage(providerPage);
    await form.getByText('文艺演出', { exact: true }).click();
    await field(providerPage, '例如：越剧经典折子戏专场').fill(title);
    await field(providerPage, '介绍节目内容、演员阵容、互动环节等').fill('精选越剧经典折子戏五出，配字幕，演员十二人，演出后教唱两段，适合喜爱戏曲的中老年观众。');
    await field(providerPage, '例如 90').fill('120');
    await field(providerPage, '最少').fill('30');
    await field(providerPage, '最多').fill('400');
    await form.getByText('老年人', { exact: true }).click();
    for (const day of ['周一', '周二', '周三', '周四', '周五', '周六', '周日']) await form.getByText(day, { exact: true }).click();
    await field(providerPage, '例如 7').fill('0');
    await checkpoint(providerPage, 'provider-declares');
    await form.getByText('保存并提交审核', { exact: true }).click();
    await waitForRoute(providerPage, 'pages/project/index');
    await visiblePage(providerPage).getByText('审核中').first().waitFor();
    const projectId = idFromUrl(providerPage);

    // 2. The reviewer approves it from the review queue.
    const reviewerPage = await newPage();
    await demoLogin(reviewerPage, server.url, '（审核员）');
    await openPage(reviewerPage, server.url, 'packages/reviewer/pages/queue/index');
    const queue = visiblePage(reviewerPage);
    await queue.locator('.card').first().waitFor();
    for (let i = 0; i < 15 && !(await queue.getByText(title).first().isVisible()); i++) {
      await queue.getByText('加载更多', { exact: true }).click();
      await reviewerPage.waitForTimeout(400);
    }
    await queue.getByText(title).first().click();
    await waitForRoute(reviewerPage, 'pages/project/index');
    await visiblePage(reviewerPage).getByText('审核通过', { exact: true }).click();
    await reviewerPage.getByText('确定', { exact: true }).last().click();
    await visiblePage(reviewerPage).getByText('已上架').first().waitFor();
    await checkpoint(reviewerPage, 'reviewer-approves');

    // 3. The hall manager orders it for today.
    const managerPage = await newPage();
    await demoLogin(managerPage, server.url, '（礼堂管理员）');
    const manager = await api<LoginResponse>('POST', '/auth/demo', undefined, { role: 'hall_manager' });
    const hall = manager.me.scopes.halls[0];
    await openPage(managerPage, server.url, `pages/project/index?id=${projectId}`);
    await visiblePage(managerPage).getByText('点单预约', { exact: true }).click();
    await waitForRoute(managerPage, 'order-form');
    const orderForm = visiblePage(managerPage);
    if (manager.me.scopes.halls.length > 1) await orderForm.getByText(hall.name, { exact: true }).first().click();
    await orderForm.getByText('今年剩余点单额度', { exact: false }).first().waitFor();
    await field(managerPage, '例如 150').fill('150');
    await checkpoint(managerPage, 'manager-orders');
    await orderForm.getByText('提交点单', { exact: true }).click();
    await waitForRoute(managerPage, 'pages/order/index');
    await visiblePage(managerPage).getByText('待服务方答复').first().waitFor();
    const orderId = idFromUrl(managerPage);

    // 4. The provider accepts with the suggested time (today, from the next full hour after one hour from now).
    await openPage(providerPage, server.url, `pages/order/index?id=${orderId}`);
    await visiblePage(providerPage).getByText('接单并确定时间', { exact: true }).click();
    await visiblePage(providerPage).getByText('确认接单并确定时间', { exact: true }).click();
    await visiblePage(providerPage).getByText('已确定时间').first().waitFor();
    await checkpoint(providerPage, 'provider-accepts');
    const accepted = await api<OrderDto>('GET', `/orders/${orderId}`, manager);
    expect(accepted.status).toBe('accepted');
    const eventId = accepted.event!.id;

    // 5. Both sides talk about the order.
    await visiblePage(providerPage).getByText('联系礼堂', { exact: true }).click();
    await waitForRoute(providerPage, 'pages/chat/index');
    await field(providerPage, '输入消息').fill('我们提前一小时到，需要一间换衣服的房间。');
    await visiblePage(providerPage).getByText('发送', { exact: true }).click();
    await openPage(managerPage, server.url, `pages/order/index?id=${orderId}`);
    await visiblePage(managerPage).getByText('联系服务方', { exact: true }).click();
    await waitForRoute(managerPage, 'pages/chat/index');
    await visiblePage(managerPage).getByText('我们提前一小时到，需要一间换衣服的房间。').first().waitFor();
    await field(managerPage, '输入消息').fill('好的，二楼会议室给你们用。');
    await visiblePage(managerPage).getByText('发送', { exact: true }).click();
    await visiblePage(providerPage).getByText('好的，二楼会议室给你们用。').first().waitFor();
    await checkpoint(managerPage, 'manager-chats');
    await checkpoint(providerPage, 'provider-chats');

    // 6. A villager reserves a seat and shows the code; the manager checks them in.
    const villagerPage = await newPage();
    await demoLogin(villagerPage, server.url, '（村民）');
    await openPage(villagerPage, server.url, `pages/event/index?id=${eventId}`);
    const eventPage = visiblePage(villagerPage);
    await eventPage.getByText(title).first().waitFor();
    await eventPage.getByText('预约', { exact: true }).click();
    await eventPage.getByText(/预约成功/).first().waitFor();
    const code = ((await eventPage.locator('.ticket__code').first().textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    await checkpoint(villagerPage, 'villager-reserved');
    await openPage(managerPage, server.url, `packages/manager/pages/check-in/index?eventId=${eventId}`);
    await field(managerPage, '例如 AB12CD34').fill(code);
    await visiblePage(managerPage).getByText('签到', { exact: true }).click();
    await visiblePage(managerPage).getByText(/签到成功/).first().waitFor();
    await checkpoint(managerPage, 'manager-checks-in-villager');

    // 7. The provider arrives, reports completion; the manager confirms.
    const reviewer = await api<LoginResponse>('POST', '/auth/demo', undefined, { role: 'reviewer' });
    const today = runClock.beijingDay();
    const countyToday = `/stats?regionCode=${hall.villageCode.slice(0, 6)}&from=${today}&to=${today}`;
    const before = await api<RegionStatsDto>('GET', countyToday, reviewer);
    await openPage(providerPage, server.url, `pages/order/index?id=${orderId}`);
    await visiblePage(providerPage).getByText('到场签到', { exact: true }).click();
    await providerPage.getByText('确定', { exact: true }).last().click();
    await visiblePage(providerPage).getByText('报告完成', { exact: true }).click();
    await field(providerPage, '例如 120').fill('120');
    await field(providerPage, '例如：演出顺利，观众反响热烈').fill('演出顺利，老人们跟着唱了两段。');
    await checkpoint(providerPage, 'provider-reports-completion');
    await visiblePage(providerPage).getByText('确认报告完成', { exact: true }).click();
    await openPage(managerPage, server.url, `pages/order/index?id=${orderId}`);
    await visiblePage(managerPage).getByText('确认完成', { exact: true }).click();
    await managerPage.getByText('确定', { exact: true }).last().click();
    await visiblePage(managerPage).locator('[data-rating-form="hall"]').waitFor();
    expect((await api<OrderDto>('GET', `/orders/${orderId}`, manager)).status).toBe('confirmed');

    // 8. The manager rates the provider; the villager rates the event.
    const ratingForm = visiblePage(managerPage).locator('[data-rating-form="hall"]');
    for (const group of await ratingForm.locator('[role="radiogroup"]').all()) await group.locator('[data-stars="5"]').click();
    await checkpoint(managerPage, 'manager-rates');
    await ratingForm.getByText('提交评价', { exact: true }).click();
    await ratingForm.waitFor({ state: 'detached' });
    await openPage(villagerPage, server.url, `pages/event/index?id=${eventId}`);
    await visiblePage(villagerPage).getByText('去评价', { exact: true }).click();
    await visiblePage(villagerPage).locator('[data-stars="5"]').first().click();
    await field(villagerPage, '例如：节目精彩，老人孩子都爱看').fill('唱得真好，字幕也看得清。');
    await checkpoint(villagerPage, 'villager-rates');
    await visiblePage(villagerPage).getByText('提交评价', { exact: true }).click();
    await visiblePage(villagerPage).getByText('唱得真好，字幕也看得清。').first().waitFor();
    const ratings = await api<{ orderRatings?: unknown[] } | unknown[]>('GET', `/orders/${orderId}/ratings`, manager);
    expect(JSON.stringify(ratings)).toContain('"side":"hall"');

    // 9. The reviewer sees the delivered service in the statistics of the county.
    const after = await api<RegionStatsDto>('GET', countyToday, reviewer);
    expect(after.servicesDelivered).toBe(before.servicesDelivered + 1);
    expect(after.attendance).toBe(before.attendance + 120);
    await openPage(reviewerPage, server.url, 'packages/reviewer/pages/stats/index');
    const statsPage = visiblePage(reviewerPage);
    await statsPage.getByText('服务场次').first().waitFor();
    await statsPage.locator('canvas').first().waitFor();
    await checkpoint(reviewerPage, 'reviewer-statistics');
  }, 300_000);
});
