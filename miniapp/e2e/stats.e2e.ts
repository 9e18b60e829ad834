import { readFileSync } from 'node:fs';
import type { LoginResponse, ProjectDto, RegionStatsDto, ReservationDto, StatsReportDto } from '@hall-menu/shared';
import type { Browser, Page } from 'playwright-core';
import {
  acceptedOrder,
  apiClient,
  browserPages,
  demoLogin,
  horizontalOverflow,
  launchBrowser,
  openPage,
  publishedProject,
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
 * 社会评价统计 in the H5 build: the reviewer opens the page from the workspace and reads the figures, the F2 charts
 * (really drawn on their canvases) and the report text, and downloads the files. The demo has a year of history, so
 * the test reads the month's figures, delivers two services through the API (ordered, accepted, held, attended,
 * confirmed and rated) and checks that the figures grew by exactly what it did, and that the page shows them.
 */
describe('H5 in Chromium: the reviewer statistics page', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let pages: BrowserPages;
  let manager: LoginResponse;
  let provider: LoginResponse;
  let reviewer: LoginResponse;
  let villager: LoginResponse;
  /** The reviewer's region this month, before and after the test's own services. */
  let monthBefore: RegionStatsDto;
  let monthAfter: RegionStatsDto;

  const demo = (role: string) => api<LoginResponse>('POST', '/auth/demo', undefined, { role });

  /** The page opens on 本月: the whole calendar month, Beijing time (the run's clock keeps the whole run in one day). */
  const thisMonth = () => {
    const [year, month] = runClock.beijingDay().split('-').map(Number);
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const prefix = runClock.beijingDay().slice(0, 7);
    return { from: `${prefix}-01`, to: `${prefix}-${String(lastDay).padStart(2, '0')}` };
  };
  const reviewerRegion = async () => (await api<{ scopes: { region: { code: string; name: string } } }>('GET', '/me', reviewer)).scopes.region;
  const monthStats = async (code?: string) => {
    const month = thisMonth();
    return api<RegionStatsDto>('GET', `/stats?regionCode=${code ?? (await reviewerRegion()).code}&from=${month.from}&to=${month.to}`, reviewer);
  };
  /** A share as the page writes it: 0.5 → "50%". */
  const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
  const withToken = () => ({ headers: { authorization: `Bearer ${reviewer.tokens.accessToken}` } });

  const newProject = (category: string, title: string) =>
    publishedProject(api, { manager, provider, reviewer }, { category, title, description: `${title}：浏览器测试用的服务项目，内容完整，适合全村老少一同参加。` });

  /** Order → accept → the villager reserves and is checked in → held → reported → confirmed → rated. */
  async function deliverService(project: ProjectDto, startsInMinutes: number, headCount: number, stars: number): Promise<void> {
    const accepted = await acceptedOrder(api, { manager, provider }, project.id, { startsInMinutes, minutes: 60 });
    const eventId = accepted.event!.id;
    const reservation = await api<ReservationDto>('POST', `/events/${eventId}/reservations`, villager, { seats: 1 });
    await api('POST', `/events/${eventId}/check-ins`, manager, { code: reservation.code });
    await api('POST', `/orders/${accepted.id}/actions/check_in`, provider, {});
    await api('POST', `/orders/${accepted.id}/actions/complete`, provider, { headCount });
    await api('POST', `/orders/${accepted.id}/actions/confirm`, manager, {});
    await api('POST', `/events/${eventId}/rating`, villager, { stars, text: stars >= 4 ? '节目精彩，组织得好' : '声音有点小，后排听不清' });
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    api = apiClient(server);
    pages = browserPages(browser);
    [manager, provider, reviewer, villager] = await Promise.all(['hall_manager', 'provider', 'reviewer', 'villager'].map(demo));
    monthBefore = await monthStats();
    const film = await newProject('film', '统计测试露天电影');
    const lecture = await newProject('lecture', '统计测试防诈骗讲座');
    await deliverService(film, 10, 86, 5);
    await deliverService(lecture, 80, 120, 3);
    // One more order left waiting for the provider's answer.
    await api('POST', '/orders', manager, { projectId: film.id, hallId: manager.me.scopes.halls[0].id, windows: [{ from: runClock.beijingDay(2), to: runClock.beijingDay(4) }], expectedAudience: 60 }, { 'Idempotency-Key': `stats-pending-${Date.now()}` });
    monthAfter = await monthStats();
  });
  afterAll(async () => {
    await pages?.closeAll();
    await browser?.close();
    await server?.stop();
  });

  /** Pixels F2 has painted on the canvas of a chart card (0 while blank). */
  const inkedPixels = (page: Page, chart: string) =>
    visiblePage(page)
      .locator(`[data-chart="${chart}"] canvas`)
      .evaluate((canvas: HTMLCanvasElement) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let inked = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
        return inked;
      });

  async function expectDrawn(page: Page, chart: string) {
    await visiblePage(page).locator(`[data-chart="${chart}"] canvas`).waitFor();
    for (let i = 0; i < 50 && (await inkedPixels(page, chart)) < 500; i++) await page.waitForTimeout(100);
    expect(await inkedPixels(page, chart)).toBeGreaterThan(500);
  }

  async function expectReadable(page: Page) {
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect((await textSamples(page)).filter((s) => s.contrast < 4.5)).toEqual([]);
    for (const target of await tapTargetHeights(page)) expect(target.height).toBeGreaterThanOrEqual(44);
  }

  /**
   * The page scrolls inside Taro's page element, so a full-page screenshot would stop at the first screen:
   * the viewport is made as tall as the page for the picture, then set back to the phone's.
   */
  async function screenshotWhole(page: Page, name: string) {
    const phone = page.viewportSize()!;
    const height = await visiblePage(page).locator('.page-shell').evaluate((shell) => Math.ceil(shell.getBoundingClientRect().height));
    await page.setViewportSize({ width: phone.width, height: Math.max(phone.height, height) });
    await screenshot(page, name);
    await page.setViewportSize(phone);
  }

  const figure = (page: Page, key: string) => visiblePage(page).locator(`[data-figure="${key}"] .figure__value`);

  it('opens from the workspace and shows the figures and charts of the region this month', async () => {
    const page = await pages.phone();
    await demoLogin(page, server.url, '（审核员）');
    await openPage(page, server.url, 'packages/reviewer/pages/home/index');
    // The workspace re-renders once its halls arrive: tap after that, not during it.
    await visiblePage(page).getByText('辖区内的礼堂').waitFor();
    await visiblePage(page).getByText('社会评价统计', { exact: true }).click();
    await page.waitForFunction(() => location.hash.includes('reviewer/pages/stats'), undefined, { timeout: 15_000 });

    await figure(page, 'services').getByText(`${monthAfter.servicesDelivered}场`).waitFor();
    const stats = await monthStats();
    expect(stats).toEqual(monthAfter);
    // Exactly what the test did: two services with 86 + 120 people, three orders, two ratings of which one is 4–5 stars.
    const good = (s: RegionStatsDto) => Math.round((s.satisfaction ?? 0) * s.ratingsCount);
    expect([stats.servicesDelivered - monthBefore.servicesDelivered, stats.attendance - monthBefore.attendance, stats.ordersPlaced - monthBefore.ordersPlaced]).toEqual([2, 206, 3]);
    expect([stats.ratingsCount - monthBefore.ratingsCount, good(stats) - good(monthBefore)]).toEqual([2, 1]);
    expect((stats.ordersByState.confirmed ?? 0) - (monthBefore.ordersByState.confirmed ?? 0)).toBe(2);
    expect((stats.ordersByState.pending ?? 0) - (monthBefore.ordersByState.pending ?? 0)).toBe(1);
    expect(await figure(page, 'services').textContent()).toBe(`${stats.servicesDelivered}场`);
    expect(await figure(page, 'attendance').textContent()).toBe(`${stats.attendance}人次`);
    expect(await figure(page, 'satisfaction').textContent()).toBe(percent(stats.satisfaction!));
    expect(await figure(page, 'completion').textContent()).toBe(percent(stats.completionRate!));
    expect(await figure(page, 'coverage').textContent()).toBe(percent(stats.hallCoverage!));
    expect(await figure(page, 'volunteer').textContent()).toBe(`${stats.volunteerHours}小时`);
    await visiblePage(page).getByText(stats.summary).waitFor();

    for (const chart of ['trend', 'subregions', 'categories', 'states']) await expectDrawn(page, chart);
    // Places without services are named under the bars instead of drawn as empty rows (no note when every one has some).
    const zeroCounties = stats.byRegion.filter((r) => r.servicesDelivered === 0).map((r) => r.label);
    const zeroNote = visiblePage(page).locator('[data-chart="subregions"] .chart-card__note');
    if (zeroCounties.length === 0) expect(await zeroNote.count()).toBe(0);
    else expect(await zeroNote.textContent()).toBe(`为 0 的县（市、区）：${zeroCounties.join('、')}`);
    // The ring's legend names each state with its count and share.
    const placed = Object.values(stats.ordersByState).reduce((sum, n) => sum + (n ?? 0), 0);
    const legend = (label: string, n: number) => visiblePage(page).locator('.chart-legend__item', { hasText: label }).getByText(`${n}单（${percent(n / placed)}）`);
    await legend('已完成', stats.ordersByState.confirmed!).waitFor();
    await legend('待服务方答复', stats.ordersByState.pending!).waitFor();
    await expectReadable(page);
    await screenshotWhole(page, 'stats-01-overview');

    // Another measure redraws the bars from the same answer.
    const before = await visiblePage(page).locator('[data-chart="categories"] canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await visiblePage(page).locator('.chip', { hasText: '参与人次' }).click();
    await visiblePage(page).getByText('各服务类别的参与人次').waitFor();
    for (let i = 0; i < 50; i++) {
      if ((await visiblePage(page).locator('[data-chart="categories"] canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL())) !== before) break;
      await page.waitForTimeout(100);
    }
    expect(await visiblePage(page).locator('[data-chart="categories"] canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(before);
    await expectDrawn(page, 'categories');
    await screenshotWhole(page, 'stats-02-attendance');
  });

  it('downloads the CSV with the token and shows the report text', async () => {
    const page = await pages.phone();
    await demoLogin(page, server.url, '（审核员）');
    await openPage(page, server.url, 'packages/reviewer/pages/stats/index');
    await figure(page, 'services').getByText(`${monthAfter.servicesDelivered}场`).waitFor();
    const region = await reviewerRegion();
    const month = thisMonth();
    const query = `regionCode=${region.code}&from=${month.from}&to=${month.to}`;

    const [csv] = await Promise.all([page.waitForEvent('download'), visiblePage(page).getByText('下载表格（CSV）', { exact: true }).click()]);
    expect(csv.suggestedFilename()).toBe(`${region.name}统计_${month.from}至${month.to}.csv`);
    const text = readFileSync((await csv.path())!, 'utf8');
    const [header, period] = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(`地区,${region.name}`);
    expect(period).toBe(`统计期间,${month.from} 至 ${month.to}`);
    expect(text).toContain(`完成服务场次,${monthAfter.servicesDelivered}\r\n`);
    expect(text).toContain(`参与群众人次,${monthAfter.attendance}\r\n`);

    // Excel and Word: real files when the server makes them, a sentence saying why not when it does not.
    for (const [label, path, magic] of [
      ['下载表格（Excel）', '/stats/export.xlsx', 'PK'],
      ['下载工作总结（Word）', '/stats/report.docx', 'PK'],
    ] as const) {
      const available = (await fetch(`${server.url}/api${path}?${query}`, withToken())).status !== 404;
      if (available) {
        const [file] = await Promise.all([page.waitForEvent('download'), visiblePage(page).getByText(label, { exact: true }).click()]);
        expect(readFileSync((await file.path())!).subarray(0, 2).toString('latin1')).toBe(magic);
      } else {
        await visiblePage(page).getByText(label, { exact: true }).click();
        await visiblePage(page).getByText(/功能尚未开通/).first().waitFor();
      }
    }

    await visiblePage(page).getByText('生成工作总结', { exact: true }).click();
    const reportAnswer = await fetch(`${server.url}/api/stats/report?${query}`, withToken());
    if (reportAnswer.status === 404) {
      await visiblePage(page).getByText(/功能尚未开通/).first().waitFor();
    } else {
      const report = (await reportAnswer.json()) as StatsReportDto;
      await visiblePage(page).locator('.report-card__paragraph').first().waitFor();
      expect(report.paragraphs[0]).toContain(`共开展服务${monthAfter.servicesDelivered}场次，参与群众${monthAfter.attendance}人次`);
      expect(await visiblePage(page).locator('.report-card__paragraph').allTextContents()).toEqual(report.paragraphs);
    }
    await expectReadable(page);
    await screenshotWhole(page, 'stats-03-report-and-downloads');
  });

  it('stays readable in 长辈模式 and shows an explicit empty state for a place without services', async () => {
    const page = await pages.phone();
    await demoLogin(page, server.url, '（审核员）');
    await openPage(page, server.url, 'pages/mine/index');
    await visiblePage(page).getByText('长辈模式').click();
    await page.locator('.page-shell--elder >> visible=true').first().waitFor();
    await openPage(page, server.url, 'packages/reviewer/pages/stats/index');
    await figure(page, 'services').getByText(`${monthAfter.servicesDelivered}场`).waitFor();
    for (const chart of ['trend', 'subregions', 'categories', 'states']) await expectDrawn(page, chart);
    const body = (await textSamples(page)).filter((s) => s.text.length >= 4);
    const sizes = body.map((s) => s.fontSize).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeGreaterThanOrEqual(18);
    await expectReadable(page);
    await screenshotWhole(page, 'stats-04-elder');

    // The pickers start on the first county and its first township, a town centre with no hall: nothing happens there.
    const county = (await api<{ code: string; name: string }[]>('GET', `/regions?parent=${(await reviewerRegion()).code}`))[0];
    const township = (await api<{ code: string; name: string }[]>('GET', `/regions?parent=${county.code}`))[0];
    const empty = await monthStats(township.code);
    expect([empty.hallsTotal, empty.servicesDelivered, empty.ordersPlaced]).toEqual([0, 0, 0]);
    await visiblePage(page).getByText(`选${(await reviewerRegion()).name}下的县（市、区）`).click();
    await page.getByText('确定', { exact: true }).last().click();
    await visiblePage(page).locator('.chip--on', { hasText: county.name }).waitFor();
    await visiblePage(page).getByText(`选${county.name}下的乡镇（街道）`).click();
    await page.getByText('确定', { exact: true }).last().click();
    await visiblePage(page).locator('.chip--on', { hasText: township.name }).waitFor();
    await figure(page, 'services').getByText('0场').waitFor();
    await visiblePage(page).getByText('这段时间各地都还没有完成的服务').waitFor();
    await visiblePage(page).getByText('这段时间还没有点单').waitFor();
    await expectReadable(page);
    await screenshotWhole(page, 'stats-05-elder-empty-county');
  });
});
