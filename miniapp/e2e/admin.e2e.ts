import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AdminHallDto, AdminUserDto, DemoUserOption, HallDto, LoginResponse, Paged, RegionDto } from '@hall-menu/shared';
import type { Browser, Page } from 'playwright-core';
import { writeHallImportXlsx } from '../../server/test/hall-import-file';
import {
  apiClient,
  browserPages,
  demoLogin,
  horizontalOverflow,
  launchBrowser,
  openPage,
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
 * 管理工作台 in the H5 build: an admin imports halls from an XLSX (two good rows, one with an unknown village), reads
 * every row's result, imports skipping the bad row, finds the new halls, assigns a demo manager to one and sets its
 * quota; the server is asked afterwards whether both were stored. Screenshots at a phone and a PC size.
 */
describe('H5 in Chromium: the admin workspace', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let pages: BrowserPages;
  let admin: LoginResponse;
  let xlsx: string;
  const suffix = String(Date.now() % 100000);
  const names = [`导入测试甲礼堂${suffix}`, `导入测试乙礼堂${suffix}`];
  const badCode = '330381999999';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    api = apiClient(server);
    pages = browserPages(browser);
    admin = await api<LoginResponse>('POST', '/auth/demo', undefined, { role: 'admin' });
    // Two real villages of the demo city: next to a demo hall, in the same township.
    const someHall = (await api<Paged<HallDto>>('GET', '/halls?pageSize=1')).items[0];
    const villages = await api<RegionDto[]>('GET', `/regions?parent=${someHall.villageCode.slice(0, 9)}`);
    expect(villages.length).toBeGreaterThanOrEqual(2);
    xlsx = await writeHallImportXlsx(path.join(mkdtempSync(path.join(tmpdir(), 'hall-import-')), '礼堂导入.xlsx'), [
      { '村/社区代码': villages[0].code, 礼堂名称: names[0], 地址: '村委会旁', 座位数: 180, 设施: '舞台、音响', 星级: 3, 年度点单额度: 10 },
      { '村/社区代码': villages[1].code, 礼堂名称: names[1], 座位数: 120, 星级: 2 },
      { '村/社区代码': badCode, 礼堂名称: `导入测试错误行${suffix}`, 座位数: 100 },
    ]);
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

  /** The page scrolls inside Taro's page element: the viewport is made as tall as the page for the picture. */
  async function screenshotWhole(page: Page, name: string) {
    const size = page.viewportSize()!;
    const height = await visiblePage(page).locator('.page-shell').evaluate((shell) => Math.ceil(shell.getBoundingClientRect().height));
    await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
    await screenshot(page, name);
    await page.setViewportSize(size);
  }

  /** Uploads the file through the page's file input and waits for the preview table. */
  async function uploadPreview(page: Page) {
    await open(page, 'packages/admin/pages/import/index');
    await visiblePage(page).getByText('选择文件', { exact: true }).waitFor();
    await visiblePage(page).locator('input[type="file"]').setInputFiles(xlsx);
    await visiblePage(page).getByText('每一行的结果').waitFor({ timeout: 30_000 });
    await visiblePage(page).locator('.data-table__row').nth(2).waitFor();
  }

  /**
   * Opens a route by its URL. When Taro drops the pages that were open before (login, 我的) it may mount the new
   * page's content once more, losing what was typed: wait until the content has stayed in place for a moment.
   */
  async function open(page: Page, route: string) {
    await openPage(page, server.url, route);
    await settled(page);
  }

  async function settled(page: Page) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const content = await visiblePage(page).locator('.page-shell > *').last().elementHandle();
      await page.waitForTimeout(500);
      if (await content?.evaluate((el) => el.isConnected)) return;
    }
    throw new Error('the page kept being mounted again');
  }

  /** A success toast covers the middle of the page for 1.5 s: wait it out before a picture. */
  const toastGone = (page: Page, title: string) => page.getByText(title, { exact: true }).waitFor({ state: 'hidden', timeout: 5_000 });

  /** Result tag and text of the row of the sheet's line `line`. */
  const rowOf = (page: Page, line: number) => visiblePage(page).locator('.data-table__row', { hasText: `第 ${line} 行` });

  // Long walks through the UI with a server and two browsers: more than the config's two minutes on a busy machine.
  const WALK_MS = 300_000;

  it('imports halls from an XLSX, skipping the bad row, then assigns a manager and sets the quota', async () => {
    // Phone: the preview shows each row's result and the bad row's reason; nothing is written yet.
    const phone = await pages.phone();
    await demoLogin(phone, server.url, '（平台管理员）');
    await uploadPreview(phone);
    expect(await rowOf(phone, 2).locator('.status-tag').textContent()).toBe('新建');
    expect(await rowOf(phone, 3).locator('.status-tag').textContent()).toBe('新建');
    expect(await rowOf(phone, 4).locator('.status-tag').textContent()).toBe('有错误');
    expect(await rowOf(phone, 4).locator('.data-table__errors').textContent()).toBe(`找不到村/社区代码「${badCode}」`);
    expect(await rowOf(phone, 2).textContent()).toContain(names[0]);
    expect(await visiblePage(phone).locator('taro-button-core', { hasText: '全部无误才导入' }).getAttribute('disabled')).toMatch(/^(|true)$/);
    expect((await api<Paged<AdminHallDto>>('GET', `/admin/halls?q=${encodeURIComponent(`导入测试`)}`, admin)).total).toBe(0);
    await expectReadable(phone);
    await screenshotWhole(phone, 'admin-01-import-preview-phone');

    // PC: the same file, a table with columns; confirmed skipping the bad row.
    const pc = await pages.pc();
    await demoLogin(pc, server.url, '（平台管理员）');
    await uploadPreview(pc);
    expect(await visiblePage(pc).locator('.data-table__head').isVisible()).toBe(true);
    expect(await horizontalOverflow(pc)).toBeLessThanOrEqual(0);
    await screenshotWhole(pc, 'admin-02-import-preview-pc');
    await visiblePage(pc).getByText('跳过错误行导入', { exact: true }).click();
    await pc.getByText('导入', { exact: true }).last().click();
    await visiblePage(pc).getByText('导入完成：新建 2 座，更新 0 座礼堂，跳过 1 行有错误的行。').waitFor();
    await rowOf(pc, 2).getByText('已新建', { exact: true }).waitFor();
    await toastGone(pc, '导入完成');
    await rowOf(pc, 4).getByText('已跳过，没有写入', { exact: true }).waitFor();
    await screenshotWhole(pc, 'admin-03-import-done-pc');

    const imported = await api<Paged<AdminHallDto>>('GET', `/admin/halls?q=${encodeURIComponent(`导入测试`)}`, admin);
    expect(imported.items.map((h) => h.name).sort()).toEqual([...names].sort());

    // Re-importing the same file changes nothing: both good rows are now unchanged.
    await uploadPreview(phone);
    expect(await rowOf(phone, 2).locator('.status-tag').textContent()).toBe('无变化');
    expect(await rowOf(phone, 3).locator('.status-tag').textContent()).toBe('无变化');
    expect(await visiblePage(phone).locator('taro-button-core', { hasText: '跳过错误行导入' }).getAttribute('disabled')).toMatch(/^(|true)$/);

    // The halls list finds both.
    await open(phone, 'packages/admin/pages/halls/index');
    await visiblePage(phone).locator('input[placeholder="礼堂名称、村名或编号"]').fill(`导入测试`);
    await visiblePage(phone).getByText('搜索', { exact: true }).click();
    for (const name of names) await visiblePage(phone).getByText(name).waitFor();
    await expectReadable(phone);
    await screenshotWhole(phone, 'admin-04-halls-phone');

    await open(pc, 'packages/admin/pages/halls/index');
    await visiblePage(pc).locator('input[placeholder="礼堂名称、村名或编号"]').fill(`导入测试`);
    await visiblePage(pc).getByText('搜索', { exact: true }).click();
    for (const name of names) await visiblePage(pc).getByText(name).waitFor();
    expect(await horizontalOverflow(pc)).toBeLessThanOrEqual(0);
    await screenshotWhole(pc, 'admin-05-halls-pc');
    // Export in the import format, fetched with the session's token.
    const [download] = await Promise.all([pc.waitForEvent('download'), visiblePage(pc).getByText('导出 CSV', { exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('礼堂名单.csv');
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported).toContain('礼堂编号');
    for (const name of names) expect(exported).toContain(name);

    // Hall detail on the phone: a demo hall manager is found and assigned, the quota set to 20.
    const manager = (await api<DemoUserOption[]>('GET', '/auth/demo-users')).find((u) => u.role === 'hall_manager')!;
    await visiblePage(phone).getByText(names[0]).click();
    await phone.waitForFunction(() => location.hash.includes('admin/pages/hall/index'), undefined, { timeout: 15_000 });
    const detail = visiblePage(phone);
    await detail.getByText('还没有管理员：请在下面查找并添加，或发邀请码给对方').waitFor();
    await detail.locator('input[placeholder="昵称、手机号或编号"]').fill(manager.nickname);
    await detail.getByText('搜索', { exact: true }).click();
    const candidate = detail.locator('.pick-row', { hasText: `${manager.nickname}（编号 ${manager.id}）` });
    await candidate.getByText('设为管理员', { exact: true }).click();
    await detail.locator('.pick-row', { hasText: `编号 ${manager.id}` }).getByText('移除', { exact: true }).waitFor();

    await detail.locator('input[placeholder="例如 12"]').fill('20');
    await detail.locator('input[placeholder="例如：年中追加额度"]').fill('浏览器测试调整额度');
    await detail.getByText('保存额度', { exact: true }).click();
    await detail.getByText(/年已用 0 个，剩余 20 个/).waitFor();
    await toastGone(phone, '额度已保存');
    await expectReadable(phone);
    await screenshotWhole(phone, 'admin-06-hall-detail-phone');

    // Stored on the server: the manager manages the hall, the quota is 20 this year, and both are in the audit trail.
    const hallId = imported.items.find((h) => h.name === names[0])!.id;
    const stored = await api<AdminHallDto>('GET', `/admin/halls/${hallId}`, admin);
    expect(stored.managers).toEqual([{ id: manager.id, nickname: manager.nickname }]);
    expect([stored.annualQuota, stored.quotaLeft]).toEqual([20, 20]);
    const managerAccount = await api<AdminUserDto>('GET', `/admin/users/${manager.id}`, admin);
    expect(managerAccount.roles.find((r) => r.role === 'hall_manager')!.halls.map((h) => h.id)).toContain(hallId);
    const trail = await api<{ items: { action: string }[] }>('GET', `/admin/audit?objectType=hall&objectId=${hallId}`, admin);
    expect(trail.items.map((i) => i.action)).toEqual(expect.arrayContaining(['import_create', 'add_manager', 'set_quota']));

    // The same hall on a PC: two columns, nothing sideways.
    await open(pc, `packages/admin/pages/hall/index?id=${hallId}`);
    await visiblePage(pc).getByText(/年已用 0 个，剩余 20 个/).waitFor();
    await visiblePage(pc).locator('.pick-row', { hasText: `编号 ${manager.id}` }).waitFor();
    expect(await horizontalOverflow(pc)).toBeLessThanOrEqual(0);
    await screenshotWhole(pc, 'admin-07-hall-detail-pc');
  }, WALK_MS);

  it('invites a villager to manage a hall with a one-time code they enter on 我的; the audit trail finds it', async () => {
    const users = await api<DemoUserOption[]>('GET', '/auth/demo-users');
    const villager = users.find((u) => u.role === 'villager')!;
    const hall = (await api<Paged<HallDto>>('GET', '/halls?pageSize=1')).items[0];

    // PC: the admin creates the invite; the code shows once, big.
    const pc = await pages.pc();
    await demoLogin(pc, server.url, '（平台管理员）');
    await open(pc, 'packages/admin/pages/invites/index');
    const invites = visiblePage(pc);
    await invites.locator('input[placeholder="礼堂名称、村名或编号"]').fill(hall.name);
    await invites.getByText('搜索', { exact: true }).click();
    await invites.locator('.pick-row', { hasText: hall.name }).getByText('选择', { exact: true }).click();
    await invites.locator('taro-button-core', { hasText: '生成邀请码' }).click();
    const code = ((await invites.locator('.invite-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{6,16}$/);
    await invites.locator('.data-table__row', { hasText: '待使用' }).first().waitFor();
    expect(await horizontalOverflow(pc)).toBeLessThanOrEqual(0);
    await screenshotWhole(pc, 'admin-08-invite-code-pc');

    // Phone: the villager enters it on 我的 and becomes the hall's manager.
    const phone = await pages.phone();
    await phone.goto(`${server.url}/#/pages/login/index`);
    await visiblePage(phone).locator('.option', { hasText: `${villager.nickname}（村民）` }).click();
    await phone.waitForFunction(() => !location.hash.includes('pages/login'), undefined, { timeout: 15_000 });
    // Signing in from the login page as its first page lands on 我的.
    await phone.waitForFunction(() => location.hash.includes('pages/mine/index'), undefined, { timeout: 15_000 });
    await settled(phone);
    await visiblePage(phone).getByText('输入邀请码', { exact: true }).click();
    await visiblePage(phone).locator('input[placeholder="请输入邀请码"]').fill(code.toLowerCase());
    await visiblePage(phone).getByText('确认', { exact: true }).click();
    await phone.getByText('您已成为礼堂管理员，可以在「我的」进入工作台。').waitFor();
    await phone.getByText('知道了', { exact: true }).click();
    await visiblePage(phone).getByText('进入我管理的礼堂', { exact: true }).waitFor();
    const account = await api<AdminUserDto>('GET', `/admin/users/${villager.id}`, admin);
    expect(account.roles.find((r) => r.role === 'hall_manager')?.halls.map((h) => h.id)).toEqual([hall.id]);

    // Phone, as the admin: the account shows the new role; the audit trail finds the redemption by person.
    const official = await pages.phone();
    await demoLogin(official, server.url, '（平台管理员）');
    await open(official, `packages/admin/pages/user/index?id=${villager.id}`);
    await visiblePage(official).locator('.pick-row', { hasText: hall.name }).getByText('不再管理', { exact: true }).waitFor();
    await expectReadable(official);
    await screenshotWhole(official, 'admin-09-user-phone');

    await visiblePage(official).getByText('查看此人的操作记录', { exact: true }).click();
    await official.waitForFunction(() => location.hash.includes('admin/pages/audit'), undefined, { timeout: 15_000 });
    await visiblePage(official).locator('.data-table__row', { hasText: '使用邀请码' }).waitFor();
    await expectReadable(official);
    await screenshotWhole(official, 'admin-10-audit-phone');

    // The rules, readable on a phone and laid out on a PC.
    await open(official, 'packages/admin/pages/rules/index');
    await visiblePage(official).getByText('点单答复期限').waitFor();
    await expectReadable(official);
    await open(pc, 'packages/admin/pages/rules/index');
    await visiblePage(pc).getByText('推荐匹配权重').waitFor();
    expect(await horizontalOverflow(pc)).toBeLessThanOrEqual(0);
    await screenshotWhole(pc, 'admin-11-rules-pc');

    // 长辈模式: bigger text and buttons, still nothing sideways at 360 wide.
    await open(official, 'pages/mine/index');
    await visiblePage(official).getByText('长辈模式', { exact: true }).click();
    await visiblePage(official).getByText('已开启：文字和按钮更大').waitFor();
    await open(official, 'packages/admin/pages/halls/index');
    await visiblePage(official).locator('.data-table__row').first().waitFor();
    expect(await visiblePage(official).locator('.page-shell--elder').count()).toBe(1);
    await expectReadable(official);
    await screenshot(official, 'admin-12-halls-phone-elder');
  }, WALK_MS);
});
