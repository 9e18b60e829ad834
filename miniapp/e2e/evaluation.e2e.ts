import type { CommendationDto, EventRatingDto, HallDto, LoginResponse, NominationDto, OrderRatingDto, Paged, ProjectDto, ReservationDto } from '@hall-menu/shared';
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
  runClock,
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

/**
 * 落实评价 → 社会评价 in the H5 build: the villager rates the event they attended, both sides of the order rate each
 * other, a reviewer hides an abusive rating, marks a brand project in the yearly ranking and nominates a 村晚
 * programme that the provider confirms onto the menu. The service is delivered through the API first; every object
 * the test looks at is one it made, so demo data (however much) does not change the outcome.
 */
describe('H5 in Chromium: ratings, rankings and 村晚 nominations', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let pages: BrowserPages;
  let manager: LoginResponse;
  let provider: LoginResponse;
  let reviewer: LoginResponse;
  let villager: LoginResponse;
  let project: ProjectDto;
  let orderId: number;
  let eventId: number;
  const suffix = String(Date.now()).slice(-5);
  const title = `评价测试越剧专场${suffix}`;
  const galaTitle = `村晚腰鼓红火过大年${suffix}`;

  const demo = (role: string) => api<LoginResponse>('POST', '/auth/demo', undefined, { role });

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    api = apiClient(server);
    pages = browserPages(browser);
    [manager, provider, reviewer, villager] = await Promise.all(['hall_manager', 'provider', 'reviewer', 'villager'].map(demo));
    project = await publishedProject(api, { manager, provider, reviewer }, {
      category: 'performance',
      title,
      description: `${title}：浏览器测试用的越剧折子戏专场，演出后有互动教唱环节，适合全村老少。`,
    });
    // Ordered, accepted, the villager reserves and is checked in, held, reported, confirmed: ready to be rated.
    const accepted = await acceptedOrder(api, { manager, provider }, project.id, { startsInMinutes: 10, minutes: 60 });
    orderId = accepted.id;
    eventId = accepted.event!.id;
    const reservation = await api<ReservationDto>('POST', `/events/${eventId}/reservations`, villager, { seats: 1 });
    await api('POST', `/events/${eventId}/check-ins`, manager, { code: reservation.code });
    await api('POST', `/orders/${orderId}/actions/check_in`, provider, {});
    await api('POST', `/orders/${orderId}/actions/complete`, provider, { headCount: 95 });
    await api('POST', `/orders/${orderId}/actions/confirm`, manager, {});
  });
  afterAll(async () => {
    await pages?.closeAll();
    await browser?.close();
    await server?.stop();
  });

  async function expectReadable(page: Page) {
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect((await textSamples(page)).filter((s) => s.contrast < 4.5)).toEqual([]);
    for (const target of await tapTargetHeights(page)) expect(target.height).toBeGreaterThanOrEqual(44);
  }

  /** The star buttons are tap targets too: each at least 44 CSS px square. */
  async function expectBigStars(page: Page) {
    const boxes = await visiblePage(page).locator('.star-input__star').evaluateAll((stars) => stars.map((s) => s.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height })));
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    for (const box of boxes) {
      expect(box.w).toBeGreaterThanOrEqual(44);
      expect(box.h).toBeGreaterThanOrEqual(44);
    }
  }

  /** The page scrolls inside Taro's page element: the viewport is made as tall as the page for the picture. */
  async function screenshotWhole(page: Page, name: string) {
    const phone = page.viewportSize()!;
    const height = await visiblePage(page).locator('.page-shell').evaluate((shell) => Math.ceil(shell.getBoundingClientRect().height));
    await page.setViewportSize({ width: phone.width, height: Math.max(phone.height, height) });
    await screenshot(page, name);
    await page.setViewportSize(phone);
  }

  /** Demo login, then until 我的 (where it lands) has settled, so the next page opened is the one on top. */
  async function signIn(page: Page, roleLabel: string) {
    await demoLogin(page, server.url, roleLabel);
    await page.getByText('退出登录', { exact: true }).first().waitFor();
    await page.waitForTimeout(500);
  }

  /** Taps the n-th star of the star row under a field label (节目内容, 打分 …). */
  const tapStars = (page: Page, scope: ReturnType<typeof visiblePage>, label: string, stars: number) =>
    scope.locator('.field', { has: page.locator('.field__label', { hasText: label }) }).locator(`[data-stars="${stars}"]`).click();

  it('lets the villager who attended rate the event, refuses a blocked word in Chinese and keeps the text', async () => {
    const page = await pages.phone();
    await signIn(page, '（村民）');
    await openPage(page, server.url, `pages/event/index?id=${eventId}`);
    const view = visiblePage(page);
    await view.getByText('去评价', { exact: true }).click();
    await view.getByText('评价这场活动', { exact: true }).waitFor();
    await expectBigStars(page);

    await tapStars(page, view, '打分', 4);
    await view.getByText('4 星 · 满意').waitFor();
    const abusive = '节目还行，就是后排有个傻逼一直吵';
    await field(page, '例如：节目精彩，老人孩子都爱看').fill(abusive);
    await view.getByText('提交评价', { exact: true }).click();
    await view.getByText('内容含有不当用语“傻逼”，请修改后再提交').waitFor();
    await view.getByText('含有不当用语“傻逼”', { exact: true }).waitFor();
    expect(await field(page, '例如：节目精彩，老人孩子都爱看').inputValue()).toBe(abusive);
    expect(await api<EventRatingDto[]>('GET', `/events/${eventId}/ratings`)).toEqual([]);
    await expectReadable(page);
    await screenshotWhole(page, 'evaluation-01-villager-blocked-word');

    await field(page, '例如：节目精彩，老人孩子都爱看').fill('节目精彩，老人孩子都爱看，下次还来');
    await view.getByText('提交评价', { exact: true }).click();
    await view.getByText('我的评价', { exact: true }).waitFor();
    await view.locator('.rating-item', { hasText: '节目精彩，老人孩子都爱看，下次还来' }).waitFor();
    const published = await api<EventRatingDto[]>('GET', `/events/${eventId}/ratings`);
    expect(published.map((r) => [r.stars, r.text])).toEqual([[4, '节目精彩，老人孩子都爱看，下次还来']]);
    // Authors are masked: surname and two stars.
    expect(published[0].authorName).toMatch(/^.\*\*$/);
    await view.getByText(published[0].authorName, { exact: false }).first().waitFor();
    await expectReadable(page);
    await screenshotWhole(page, 'evaluation-02-villager-rated');
  });

  it('lets the villager change the rating in 长辈模式 with big, readable stars', async () => {
    const page = await pages.phone();
    await signIn(page, '（村民）');
    await openPage(page, server.url, 'pages/mine/index');
    await visiblePage(page).getByText('长辈模式').click();
    await page.locator('.page-shell--elder >> visible=true').first().waitFor();
    await openPage(page, server.url, `pages/event/index?id=${eventId}`);
    const view = visiblePage(page);
    // Another phone (a fresh browser) knows the rating from the event detail: 我的评价 to change, no 去评价.
    await view.getByText('我的评价', { exact: true }).waitFor();
    expect(await view.getByText('去评价', { exact: true }).count()).toBe(0);
    await view.getByText('修改评价', { exact: true }).click();
    await tapStars(page, view, '打分', 5);
    await field(page, '例如：节目精彩，老人孩子都爱看').fill('越剧唱得好，老人们都说还想再看');
    await expectBigStars(page);
    const body = (await textSamples(page)).filter((s) => s.text.length >= 4);
    const sizes = body.map((s) => s.fontSize).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeGreaterThanOrEqual(18);
    await expectReadable(page);
    await screenshotWhole(page, 'evaluation-03-villager-elder-form');

    await view.getByText('保存修改', { exact: true }).click();
    await view.getByText('我的评价', { exact: true }).waitFor();
    await view.getByText('修改评价', { exact: true }).waitFor();
    const published = await api<EventRatingDto[]>('GET', `/events/${eventId}/ratings`);
    expect(published.map((r) => [r.stars, r.text])).toEqual([[5, '越剧唱得好，老人们都说还想再看']]);
    await expectReadable(page);
    await screenshotWhole(page, 'evaluation-04-villager-elder-rated');
  });

  it('lets the hall manager rate the provider and the provider rate the hall on the order page', async () => {
    const managerPage = await pages.phone();
    await signIn(managerPage, '（礼堂管理员）');
    await openPage(managerPage, server.url, `pages/order/index?id=${orderId}`);
    const form = visiblePage(managerPage).locator('[data-rating-form="hall"]');
    await form.getByText('评价服务方', { exact: true }).waitFor();
    await tapStars(managerPage, form, '节目内容', 5);
    await tapStars(managerPage, form, '准时守约', 4);
    await tapStars(managerPage, form, '群众反响', 5);
    await form.locator('textarea').fill('演员准时到场，越剧唱得地道，老人们很喜欢');
    await form.getByText('提交评价', { exact: true }).click();
    const hallRating = visiblePage(managerPage).locator('[data-order-rating="hall"]');
    await hallRating.getByText('节目内容 5星').waitFor();
    await hallRating.getByText('准时守约 4星').waitFor();
    await expectReadable(managerPage);
    await screenshotWhole(managerPage, 'evaluation-05-manager-rated-provider');

    const providerPage = await pages.phone();
    await signIn(providerPage, '（服务方）');
    await openPage(providerPage, server.url, `pages/order/index?id=${orderId}`);
    const providerForm = visiblePage(providerPage).locator('[data-rating-form="provider"]');
    await providerForm.getByText('评价礼堂', { exact: true }).waitFor();
    await tapStars(providerPage, providerForm, '组织安排', 2);
    await tapStars(providerPage, providerForm, '到场人数', 1);
    await providerForm.locator('textarea').fill('场地没有提前布置，来的人很少');
    await providerForm.getByText('提交评价', { exact: true }).click();
    await visiblePage(providerPage).locator('[data-order-rating="provider"]').getByText('组织安排 2星').waitFor();
    await visiblePage(providerPage).locator('[data-order-rating="hall"]').getByText('演员准时到场，越剧唱得地道，老人们很喜欢').waitFor();
    await expectReadable(providerPage);
    await screenshotWhole(providerPage, 'evaluation-06-provider-rated-hall');

    const ratings = await api<OrderRatingDto[]>('GET', `/orders/${orderId}/ratings`, manager);
    expect(ratings.map((r) => [r.side, r.scores, r.hidden]).sort()).toEqual([
      ['hall', { content: 5, punctuality: 4, audience: 5 }, false],
      ['provider', { organisation: 2, turnout: 1 }, false],
    ]);
  });

  it('lets the reviewer read both ratings and hide one with a reason', async () => {
    const page = await pages.phone();
    await signIn(page, '（审核员）');
    await openPage(page, server.url, `pages/order/index?id=${orderId}`);
    const view = visiblePage(page);
    await view.locator('[data-order-rating="hall"]').waitFor();
    const providerSide = view.locator('[data-order-rating="provider"]');
    await providerSide.getByText('隐藏', { exact: true }).click();
    await providerSide.getByText('确认隐藏', { exact: true }).click();
    await providerSide.getByText('请填写隐藏原因').waitFor();
    await providerSide.locator('textarea').fill('评价与实际不符，礼堂已提供签到记录');
    await providerSide.getByText('确认隐藏', { exact: true }).click();
    await providerSide.getByText('这条评价已被审核员隐藏，不再计入评分').waitFor();
    const ratings = await api<OrderRatingDto[]>('GET', `/orders/${orderId}/ratings`, reviewer);
    expect(ratings.find((r) => r.side === 'provider')!.hidden).toBe(true);
    expect(ratings.find((r) => r.side === 'hall')!.hidden).toBe(false);
    await expectReadable(page);
    await screenshotWhole(page, 'evaluation-07-reviewer-hid-rating');

    // The villager's rating is on the event page, with the same 隐藏 for the reviewer.
    await openPage(page, server.url, `pages/event/index?id=${eventId}`);
    await visiblePage(page).locator('.rating-item', { hasText: '越剧唱得好' }).getByText('隐藏', { exact: true }).waitFor();
  });

  it('lets the reviewer mark the project a brand project from the yearly ranking, shown on the menu card', async () => {
    const page = await pages.phone();
    await signIn(page, '（审核员）');
    await openPage(page, server.url, 'packages/reviewer/pages/home/index');
    // The workspace lists the page (tapping it there raced the 我的 tab left on top by the demo login: opened by route).
    await page.locator('.option', { hasText: '年度排名与表彰' }).first().waitFor();
    await openPage(page, server.url, 'packages/reviewer/pages/rankings/index');
    const view = visiblePage(page);
    await view.getByText(/年品牌项目排名/).waitFor();
    const showAll = view.getByText(/^显示全部 \d+ 个$/);
    if (await showAll.count()) await showAll.click();
    const row = view.locator(`[data-rank-row="${project.id}"]`);
    await row.getByText(title).waitFor();
    await row.getByText('服务 1 场').waitFor();
    await row.getByText('参与 95 人次').waitFor();
    await row.getByText('评为品牌项目', { exact: true }).click();
    await row.locator('textarea').fill('越剧专场送戏下乡，群众评价很高');
    await row.getByText('确认评为品牌项目', { exact: true }).click();
    const year = runClock.beijingDay().slice(0, 4);
    await row.getByText(`${year}年度品牌项目`).waitFor();
    await view.locator('.card', { hasText: '越剧专场送戏下乡，群众评价很高' }).getByText(title).waitFor();
    const marks = await api<Paged<CommendationDto>>('GET', `/rankings/commendations?year=${year}&kind=project`, reviewer);
    expect(marks.items.find((m) => m.subjectId === project.id)).toMatchObject({ status: 'active', citation: '越剧专场送戏下乡，群众评价很高' });
    await expectReadable(page);
    await screenshot(page, 'evaluation-08-rankings-marked');

    const menu = await pages.phone();
    await signIn(menu, '（村民）');
    await openPage(menu, server.url, 'pages/index/index');
    await field(menu, '搜索项目名称或介绍').fill(title);
    await visiblePage(menu).getByText('搜索', { exact: true }).click();
    const card = visiblePage(menu).locator('.project-card', { hasText: title });
    await card.locator('.honour-tag', { hasText: '品牌项目' }).waitFor();
    await scrollIntoView(card);
    await expectReadable(menu);
    await screenshot(menu, 'evaluation-09-menu-brand-project');
  });

  it('lets the reviewer nominate a 村晚 programme that the provider confirms onto the menu', async () => {
    const hall = await api<HallDto>('GET', `/halls/${manager.me.scopes.halls[0].id}`);
    const providerName = provider.me.scopes.provider!.name;
    const page = await pages.phone();
    await signIn(page, '（审核员）');
    await openPage(page, server.url, 'packages/reviewer/pages/nominations/index');
    const view = visiblePage(page);
    await view.getByText('提名村晚节目', { exact: true }).click();
    await field(page, '例如：2026年鲍田村村晚').fill(`${runClock.beijingDay().slice(0, 4)}年${hall.villageName}村晚`);
    await field(page, '例如：腰鼓《红红火火过大年》').fill(galaTitle);
    await view.locator('.chip', { hasText: '文艺演出' }).first().click();
    await field(page, '例如：二十位大姐自编自演的腰鼓表演，节奏欢快，在村晚上最受欢迎').fill('二十位大姐自编自演的腰鼓表演，节奏欢快，鼓点整齐，在今年村晚上掌声最多。');
    await field(page, '例如：鲍田村腰鼓队 20 人').fill(`${hall.villageName}腰鼓队 20 人`);
    await field(page, '例如 30').fill('30');
    await field(page, '输入村名，例如 鲍田').fill(hall.villageName);
    await view.locator('.field', { hasText: '节目来自哪个村' }).getByText('搜索', { exact: true }).click();
    await view.locator('.option', { hasText: hall.villageName }).first().click();
    await field(page, '输入服务方名称').fill(providerName);
    await view.locator('.field', { hasText: '选择服务方' }).getByText('搜索', { exact: true }).click();
    await view.locator('.option', { hasText: providerName }).first().click();
    await expectReadable(page);
    await screenshotWhole(page, 'evaluation-10-nomination-form');
    await view.getByText('提交提名', { exact: true }).click();
    const item = view.locator('[data-nomination]', { hasText: galaTitle });
    await item.getByText('待服务方确认').waitFor();
    const nominations = await api<Paged<NominationDto>>('GET', '/nominations', reviewer);
    const nomination = nominations.items.find((n) => n.project.title === galaTitle)!;
    expect(nomination).toMatchObject({ status: 'nominated', provider: { name: providerName } });
    await screenshot(page, 'evaluation-11-nominated');

    const providerPage = await pages.phone();
    await signIn(providerPage, '（服务方）');
    await openPage(providerPage, server.url, 'packages/provider/pages/home/index');
    await visiblePage(providerPage).getByText('村晚节目提名', { exact: true }).click();
    await providerPage.waitForFunction(() => location.hash.includes('provider/pages/nominations'), undefined, { timeout: 15_000 });
    const card = visiblePage(providerPage).locator(`[data-nomination="${nomination.id}"]`);
    await card.getByText('确认上架', { exact: true }).click();
    // Taro's H5 modal asks once more.
    await providerPage.locator('.taro-modal__foot').getByText('确认上架', { exact: true }).click();
    await card.getByText('已确认上架').waitFor();
    await expectReadable(providerPage);
    await screenshot(providerPage, 'evaluation-12-provider-confirmed');

    const menu = await pages.phone();
    await signIn(menu, '（村民）');
    await openPage(menu, server.url, 'pages/index/index');
    await field(menu, '搜索项目名称或介绍').fill(galaTitle);
    await visiblePage(menu).getByText('搜索', { exact: true }).click();
    const galaCard = visiblePage(menu).locator('.project-card', { hasText: galaTitle });
    await galaCard.locator('.honour-tag', { hasText: '村晚' }).waitFor();
    await scrollIntoView(galaCard);
    await screenshot(menu, 'evaluation-13-menu-village-gala');
  });
});
