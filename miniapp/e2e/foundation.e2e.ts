import type { DemoUserOption, MenuItemDto, Paged } from '@hall-menu/shared';
import type { Browser, Page } from 'playwright-core';
import { horizontalOverflow, launchBrowser, openPage, phoneContext, screenshot, startServer, tapTargetHeights, textSamples, type RunningServer } from './harness';

/** Foundation journey: a villager signs in through the demo login, sees the real menu, and turns on 长辈模式. */
describe('H5 build in Chromium: demo login, home, 长辈模式', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await phoneContext(browser)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function expectReadable(name: string) {
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const lowContrast = (await textSamples(page)).filter((s) => s.contrast < 4.5);
    expect(lowContrast).toEqual([]);
    await screenshot(page, name);
  }

  it('shows the demo banner and offers a demo user for every role', async () => {
    await openPage(page, server.url, 'pages/login/index');
    await page.getByText('演示登录').waitFor();
    await expect(page.getByText('演示', { exact: true }).first().isVisible()).resolves.toBe(true);
    const users = (await (await fetch(`${server.url}/api/auth/demo-users`)).json()) as DemoUserOption[];
    for (const label of ['（村民）', '（礼堂管理员）', '（服务方）', '（审核员）', '（平台管理员）']) {
      await expect(page.getByText(label).first().isVisible()).resolves.toBe(true);
    }
    expect(users.length).toBeGreaterThanOrEqual(5);
    await expectReadable('foundation-01-login');
  });

  it('signs a villager in and shows the real menu from the API on the home page', async () => {
    const villager = ((await (await fetch(`${server.url}/api/auth/demo-users`)).json()) as DemoUserOption[]).find((u) => u.role === 'villager')!;
    await page.getByText(`${villager.nickname}（村民）`).click();
    await openPage(page, server.url, 'pages/mine/index');
    await page.getByText(villager.nickname).first().waitFor();
    await expect(page.getByText('村民').first().isVisible()).resolves.toBe(true);
    await expectReadable('foundation-02-mine');

    await openPage(page, server.url, 'pages/index/index');
    const menu = (await (await fetch(`${server.url}/api/menu?page=1&pageSize=5`)).json()) as Paged<MenuItemDto>;
    await page.getByText(menu.items[0].title).first().waitFor();
    await expect(page.getByText(menu.items[0].provider.name).first().isVisible()).resolves.toBe(true);
    await expectReadable('foundation-03-home');
  });

  it('enlarges text and controls in 长辈模式 on every page and remembers it', async () => {
    await openPage(page, server.url, 'pages/mine/index');
    const before = Math.max(...(await textSamples(page)).map((s) => s.fontSize));
    await page.getByText('长辈模式').click();
    await page.locator('.page-shell--elder >> visible=true').first().waitFor();
    const samples = await textSamples(page);
    expect(Math.max(...samples.map((s) => s.fontSize))).toBeGreaterThan(before);
    const title = samples.find((s) => s.text === '长辈模式')!;
    expect(title.fontSize).toBeGreaterThanOrEqual(18);
    for (const target of await tapTargetHeights(page)) expect(target.height).toBeGreaterThanOrEqual(44);
    await expectReadable('foundation-04-mine-elder');

    await page.reload();
    await page.locator('.taro_page_show .page-shell--elder >> visible=true').first().waitFor();
    await openPage(page, server.url, 'pages/index/index');
    await page.locator('.taro_page_show .page-shell--elder >> visible=true').first().waitFor();
    const body = (await textSamples(page)).filter((s) => s.text.length >= 4);
    expect(body.length).toBeGreaterThan(0);
    // Main text: the most common size on the page must be elder-sized.
    const sizes = body.map((s) => s.fontSize).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeGreaterThanOrEqual(18);
    for (const target of await tapTargetHeights(page)) expect(target.height).toBeGreaterThanOrEqual(44);
    await expectReadable('foundation-05-home-elder');

    // The tab bar is Taro's own element outside every page: it grows too.
    const tabLabels = (await textSamples(page, 'taro-tabbar')).filter((s) => ['首页', '活动', '消息', '我的'].includes(s.text));
    expect(tabLabels).toHaveLength(4);
    for (const label of tabLabels) {
      expect(label.fontSize).toBeGreaterThanOrEqual(18);
      expect(label.contrast).toBeGreaterThanOrEqual(4.5);
    }
    for (const tab of await page.locator('.weui-tabbar__item').all()) {
      const box = (await tab.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(48);
    }
  });
});
