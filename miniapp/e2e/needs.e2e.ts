import type { NeedDto } from '@hall-menu/shared';
import type { Browser } from 'playwright-core';
import { browserPages, demoLogin, field, horizontalOverflow, launchBrowser, openPage, screenshot, startServer, visiblePage, type BrowserPages, type RunningServer } from './harness';

/** 需求发布 → 供需对接: a manager publishes a need, a villager says 我也想看, the manager orders a suggested project. */
describe('H5 in Chromium: needs and matching', () => {
  let server: RunningServer;
  let browser: Browser;
  let pages: BrowserPages;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    pages = browserPages(browser);
  });
  afterAll(async () => {
    await pages?.closeAll();
    await browser?.close();
    await server?.stop();
  });

  it('publishes a need, collects an upvote and orders a suggested project in one step', async () => {
    const manager = await pages.phone();
    await demoLogin(manager, server.url, '（礼堂管理员）');
    await openPage(manager, server.url, 'packages/manager/pages/needs/index');
    await visiblePage(manager).getByText('发布需求', { exact: true }).last().click();
    const form = visiblePage(manager);
    const halls = form.locator('.chip', { hasText: '文化礼堂' });
    if ((await halls.count()) > 1) await halls.first().click();
    await form.getByText('文艺演出', { exact: true }).first().click();
    await field(manager, '例如：想看一场越剧《红楼梦》').fill('村里老人想看一场越剧');
    await field(manager, '例如 100').fill('120');
    await screenshot(manager, 'needs-01-publish-form');
    await form.getByText('发布', { exact: true }).click();
    await manager.waitForFunction(() => location.hash.includes('pages/need/index'), undefined, { timeout: 15_000 });
    const needId = Number(new URL(manager.url().replace('#/', '')).searchParams.get('id'));
    await visiblePage(manager).getByText('推荐项目').first().waitFor();
    await screenshot(manager, 'needs-02-need-with-suggestions');

    const villager = await pages.phone();
    await demoLogin(villager, server.url, '（村民）');
    await openPage(villager, server.url, `pages/need/index?id=${needId}`);
    await visiblePage(villager).getByText('我也想看', { exact: true }).click();
    await visiblePage(villager).getByText('您已表示想看').first().waitFor();
    expect(await horizontalOverflow(villager)).toBeLessThanOrEqual(0);
    await screenshot(villager, 'needs-03-villager-upvoted');
    const need = (await (await fetch(`${server.url}/api/needs/${needId}`)).json()) as NeedDto;
    expect(need.upvotes).toBe(1);

    await openPage(manager, server.url, `pages/need/index?id=${needId}`);
    const detail = visiblePage(manager);
    await detail.getByText('1 位村民也想看').first().waitFor();
    await detail.getByText('类别相符').first().waitFor();
    await detail.getByText('一键点单', { exact: true }).first().click();
    await manager.getByText('点单', { exact: true }).last().click();
    await manager.waitForFunction(() => location.hash.includes('pages/order/index'), undefined, { timeout: 15_000 });
    await visiblePage(manager).getByText('待服务方答复').first().waitFor();
    await screenshot(manager, 'needs-04-ordered-from-suggestion');
    const orderId = Number(new URL(manager.url().replace('#/', '')).searchParams.get('id'));
    const matched = (await (await fetch(`${server.url}/api/needs/${needId}`)).json()) as NeedDto;
    expect(matched.status).toBe('matched');
    expect(orderId).toBeGreaterThan(0);
  });
});
