import type { Browser } from 'playwright-core';
import { browserPages, demoLogin, field, horizontalOverflow, launchBrowser, openPage, screenshot, startServer, visiblePage, type BrowserPages, type RunningServer } from './harness';

/** 申报 → 审核 → 服务菜单: a provider declares a project, a reviewer approves it, a villager finds it on the menu. */
describe('H5 in Chromium: declaration, review, menu', () => {
  let server: RunningServer;
  let browser: Browser;
  let pages: BrowserPages;
  const title = `浏览器测试越剧专场${Date.now() % 10000}`;

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

  it('lets a provider declare and submit a project, a reviewer approve it, and a villager find it', async () => {
    // Provider: the declaration form.
    const provider = await pages.phone();
    await demoLogin(provider, server.url, '（服务方）');
    await openPage(provider, server.url, 'packages/provider/pages/project-form/index');
    const form = visiblePage(provider);
    await form.getByText('文艺演出', { exact: true }).click();
    await field(provider, '例如：越剧经典折子戏专场').fill(title);
    await field(provider, '介绍节目内容、演员阵容、互动环节等').fill('精选越剧经典折子戏五出，配字幕，演员十二人，适合喜爱戏曲的中老年观众。');
    await field(provider, '例如 90').fill('120');
    await field(provider, '最少').fill('50');
    await field(provider, '最多').fill('400');
    await form.getByText('老年人', { exact: true }).click();
    await form.getByText('周六', { exact: true }).click();
    await form.getByText('周日', { exact: true }).click();
    expect(await horizontalOverflow(provider)).toBeLessThanOrEqual(0);
    await screenshot(provider, 'projects-01-declaration-form');
    await form.getByText('保存并提交审核', { exact: true }).click();
    await provider.waitForFunction(() => location.hash.includes('pages/project/index'), undefined, { timeout: 15_000 });
    await visiblePage(provider).getByText('审核中').first().waitFor();
    await screenshot(provider, 'projects-02-submitted');

    // Reviewer: the queue, the detail, approve.
    const reviewer = await pages.phone();
    await demoLogin(reviewer, server.url, '（审核员）');
    await openPage(reviewer, server.url, 'packages/reviewer/pages/queue/index');
    // Oldest first: the demo data's earlier submissions come before ours.
    const queue = visiblePage(reviewer);
    await queue.locator('.card').first().waitFor();
    for (let i = 0; i < 10 && !(await queue.getByText(title).first().isVisible()); i++) {
      await queue.getByText('加载更多', { exact: true }).click();
      await reviewer.waitForTimeout(500);
    }
    await queue.getByText(title).first().waitFor();
    await screenshot(reviewer, 'projects-03-review-queue');
    await visiblePage(reviewer).getByText(title).first().click();
    await reviewer.waitForFunction(() => location.hash.includes('pages/project/index'), undefined, { timeout: 15_000 });
    await visiblePage(reviewer).getByText('审核通过', { exact: true }).click();
    await reviewer.getByText('确定', { exact: true }).last().click();
    await visiblePage(reviewer).getByText('已上架').first().waitFor();
    await screenshot(reviewer, 'projects-04-approved');

    // Villager: the menu, by search and by category.
    const villager = await pages.phone();
    await demoLogin(villager, server.url, '（村民）');
    await openPage(villager, server.url, 'pages/index/index');
    const home = visiblePage(villager);
    await field(villager, '搜索项目名称或介绍').fill(title.slice(0, 8));
    await home.getByText('搜索', { exact: true }).click();
    await home.getByText(title).first().waitFor();
    expect(await horizontalOverflow(villager)).toBeLessThanOrEqual(0);
    await screenshot(villager, 'projects-05-menu-search');
    await home.getByText(title).first().click();
    await villager.waitForFunction(() => location.hash.includes('pages/project/index'), undefined, { timeout: 15_000 });
    await visiblePage(villager).getByText('精选越剧经典折子戏五出').first().waitFor();
    await screenshot(villager, 'projects-06-detail-for-villager');
  });
});
