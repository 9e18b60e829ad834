import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LoginResponse, OrderDto, ProjectDto } from '@hall-menu/shared';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

const repoRoot = path.resolve(__dirname, '../..');
const screenshotDir = path.join(repoRoot, 'artifacts', 'screenshots');

const MINUTE_MS = 60_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const beijingDate = (instant: number) => new Date(instant + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

/**
 * What the tests walk through depends on the time of day: check-in opens 3 hours before a service, a same-day
 * order's suggested time is in the next hours of today, the statistics page opens on 本月. So every test file runs
 * at 10:00 Beijing time on the machine's current (Beijing) day, whatever the hour: late in the evening, or on the
 * last day of a month, the run does not spill into tomorrow or the next month. The server (clock-shift.cjs), every
 * browser context (Playwright's clock) and the tests (`runClock`) read the machine's time moved by this same offset,
 * so it flows at normal speed and all three agree.
 */
const RUN_STARTS_AT = '10:00';
const machineNow = Date.now();
const clockOffsetMs = Date.parse(`${beijingDate(machineNow)}T${RUN_STARTS_AT}:00+08:00`) - machineNow;

/** The clock of the run, shared with the server and the browsers: use it for every time or date a test sends. */
export const runClock = {
  now: (): Date => new Date(Date.now() + clockOffsetMs),
  /** The Beijing date ('YYYY-MM-DD') `days` after the run's today. */
  beijingDay: (days = 0): string => beijingDate(Date.now() + clockOffsetMs + days * 86_400_000),
  /** The whole minute at or after `minutes` from now, e.g. the start of a service that check-in must already be open for. */
  minutesFromNow: (minutes: number): Date => new Date(Math.ceil((Date.now() + clockOffsetMs + minutes * MINUTE_MS) / MINUTE_MS) * MINUTE_MS),
};

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the production server build as `npm start` does (embedded database in a fresh folder, demo mode, demo data,
 * the H5 build at `/`), on the run's clock. The H5 build is miniapp/dist/h5, or the folder BUILD_OUT names (relative
 * to miniapp/, as for `BUILD_OUT=dist/h5-mine npm run build:h5`).
 */
export async function startServer(): Promise<RunningServer> {
  const main = path.join(repoRoot, 'server/dist/main.js');
  const h5Dir = process.env.BUILD_OUT ? path.resolve(repoRoot, 'miniapp', process.env.BUILD_OUT) : path.join(repoRoot, 'miniapp/dist/h5');
  const h5 = path.join(h5Dir, 'index.html');
  for (const file of [main, h5]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` at the repo root first`);
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'hall-menu-browser-')),
    LOG_LEVEL: 'warn',
    H5_DIR: h5Dir,
    E2E_CLOCK_OFFSET_MS: String(clockOffsetMs),
  };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  const child: ChildProcess = spawn(process.execPath, ['--require', path.join(__dirname, 'clock-shift.cjs'), main], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy: ${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A browser context on the run's clock (installed before any page loads, so the app never sees the machine's time). */
async function contextOnRunClock(browser: Browser, options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.clock.install({ time: runClock.now() });
  return context;
}

/** A phone-sized page, as most villagers will see it. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return contextOnRunClock(browser, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'zh-CN', isMobile: true, hasTouch: true });
}

/** A PC-sized page, as an administrator at a desk sees it. */
export function pcContext(browser: Browser): Promise<BrowserContext> {
  return contextOnRunClock(browser, { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
}

/** The pages a test file opens, each in a context of its own (own storage, so its own signed-in user). */
export interface BrowserPages {
  /** A phone-sized page; `prepare` runs on its context before the page is opened (e.g. to add an init script). */
  phone(prepare?: (context: BrowserContext) => Promise<unknown>): Promise<Page>;
  pc(): Promise<Page>;
  /** Closes every context opened here: call it in afterAll, before closing the browser. */
  closeAll(): Promise<void>;
}

export function browserPages(browser: Browser): BrowserPages {
  const opened: BrowserContext[] = [];
  const open = async (context: BrowserContext) => {
    opened.push(context);
    return context.newPage();
  };
  return {
    phone: async (prepare) => {
      const context = await phoneContext(browser);
      await prepare?.(context);
      return open(context);
    },
    pc: async () => open(await pcContext(browser)),
    closeAll: async () => {
      for (const context of opened.splice(0)) await context.close();
    },
  };
}

/** A call to the server's API, anonymous or as a signed-in user: the JSON answer, or an error with the server's answer. */
export type Api = <T = unknown>(method: string, path: string, login?: LoginResponse, body?: unknown, headers?: Record<string, string>) => Promise<T>;

export function apiClient(server: RunningServer): Api {
  return async <T>(method: string, apiPath: string, login?: LoginResponse, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const res = await fetch(`${server.url}/api${apiPath}`, {
      method,
      headers: { 'content-type': 'application/json', ...(login ? { authorization: `Bearer ${login.tokens.accessToken}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${apiPath}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/**
 * Opens a route of the H5 build (hash router) and waits until its page has slid in and stays: right after a login
 * Taro may mount the page a second time, which would drop whatever a test typed into the first one.
 */
export async function openPage(page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto(`${baseUrl}/#/${route}`);
  await visiblePage(page).waitFor({ timeout: 30_000 });
  for (let attempt = 0; attempt < 20; attempt++) {
    // The page's first rendered element: a second mount replaces it.
    const content = await visiblePage(page).locator('*').first().elementHandle();
    await page.waitForTimeout(250);
    if (await content?.evaluate((el) => el.isConnected)) return;
  }
  throw new Error(`${route} kept being mounted again`);
}

/** Tab pages stay in the DOM when hidden; the page on screen is the visible `.taro_page_show` not being shaded. */
export function visiblePage(page: Page) {
  // Taro marks a page it is hiding with taro_page_shade; the one left (the newest if two) is on screen.
  return page.locator('.taro_page_show:not(.taro_page_shade) >> visible=true').last();
}

/** The demo people a test sets services up with. */
export interface ServiceActors {
  manager: LoginResponse;
  provider: LoginResponse;
  reviewer: LoginResponse;
}

/** A project of the provider, submitted and approved, covering the manager's county and bookable today at any hour. */
export async function publishedProject(
  api: Api,
  { manager, provider, reviewer }: ServiceActors,
  content: { category: string; title: string; description: string; durationMinutes?: number },
): Promise<ProjectDto> {
  const draft = await api<ProjectDto>('POST', '/projects', provider, {
    durationMinutes: 60,
    ...content,
    audienceMin: 10,
    audienceMax: 300,
    targetAudience: 'all',
    serviceArea: [manager.me.scopes.halls[0].villageCode.slice(0, 6)],
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    timeWindows: [{ start: '00:00', end: '23:59' }],
    leadDays: 0,
  });
  await api('POST', `/projects/${draft.id}/actions/submit`, provider, {});
  return api<ProjectDto>('POST', `/projects/${draft.id}/actions/approve`, reviewer, {});
}

/**
 * An order of the project at the manager's first hall, accepted by the provider to start `startsInMinutes` from now
 * on the run's clock (today, so check-in is open when it starts within three hours).
 */
export async function acceptedOrder(
  api: Api,
  { manager, provider }: Pick<ServiceActors, 'manager' | 'provider'>,
  projectId: number,
  timing: { startsInMinutes: number; minutes: number; expectedAudience?: number },
): Promise<OrderDto> {
  const windows = [{ from: runClock.beijingDay(), to: runClock.beijingDay(1) }];
  const order = await api<OrderDto>(
    'POST',
    '/orders',
    manager,
    { projectId, hallId: manager.me.scopes.halls[0].id, windows, expectedAudience: timing.expectedAudience ?? 80 },
    { 'Idempotency-Key': `e2e-${projectId}-${Date.now()}` },
  );
  const start = runClock.minutesFromNow(timing.startsInMinutes);
  const end = new Date(start.getTime() + timing.minutes * MINUTE_MS);
  return api<OrderDto>('POST', `/orders/${order.id}/actions/accept`, provider, { start: start.toISOString(), end: end.toISOString() });
}

/**
 * Scrolls an element into view. A list that re-renders (a search answered from the cache, then again) can replace the
 * element during the scroll, so a detached element is looked up again a few times before giving up.
 */
export async function scrollIntoView(locator: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await locator.scrollIntoViewIfNeeded({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 4 || !/not attached|detached/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.waitForTimeout(400); // let the page's slide-in animation finish
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Pixels the page is wider than the viewport (0 when nothing overflows sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export interface TextSample {
  text: string;
  fontSize: number;
  contrast: number;
}

/**
 * Every visible element of the current page (or of the element `within` names, e.g. the tab bar outside the pages) that
 * holds text directly, with its font size and the WCAG contrast ratio of its colour against the first opaque background behind it.
 */
export function textSamples(page: Page, within?: string): Promise<TextSample[]> {
  return page.evaluate((within) => {
    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    const parse = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const background = (el: Element | null): number[] => {
      for (let node = el; node; node = node.parentElement) {
        const [r, g, b, a = 1] = parse(getComputedStyle(node).backgroundColor);
        if (a > 0.5) return [r, g, b];
      }
      return [255, 255, 255];
    };
    const currentPage = () => Array.from(document.querySelectorAll('.taro_page_show:not(.taro_page_shade)')).filter((p) => p.getBoundingClientRect().height > 0).pop();
    const root = (within ? document.querySelector(within) : currentPage()) ?? document.body;
    const samples: { text: string; fontSize: number; contrast: number }[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      const box = (el as HTMLElement).getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!own || box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
      const fg = luminance(parse(style.color));
      const bg = luminance(background(el));
      const contrast = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      samples.push({ text: own.slice(0, 30), fontSize: parseFloat(style.fontSize), contrast: Math.round(contrast * 100) / 100 });
    }
    return samples;
  }, within);
}

/** Heights of the visible buttons and tappable options of the current page. */
export function tapTargetHeights(page: Page): Promise<{ text: string; height: number }[]> {
  return page.evaluate(() => {
    const root = Array.from(document.querySelectorAll('.taro_page_show:not(.taro_page_shade)')).filter((p) => p.getBoundingClientRect().height > 0).pop() ?? document.body;
    return Array.from(root.querySelectorAll('button, taro-button-core, .btn, .option'))
      .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 20), height: (el as HTMLElement).getBoundingClientRect().height }))
      .filter((t) => t.height > 0);
  });
}

/** Signs in through the demo login page as the first demo user whose label matches, e.g. '（服务方）'. */
export async function demoLogin(page: Page, baseUrl: string, roleLabel: string): Promise<string> {
  await openPage(page, baseUrl, 'pages/login/index');
  const option = visiblePage(page).locator('.option', { hasText: roleLabel }).first();
  await option.waitFor();
  const name = ((await option.locator('.option__title').textContent()) ?? '').split('（')[0].trim();
  await option.click();
  await page.waitForFunction(() => !location.hash.includes('pages/login'), undefined, { timeout: 15_000 });
  // The app is still switching to the page after login; a navigation started now would be lost.
  await page.waitForFunction(() => !document.querySelector('.taro_page[id*="pages/login"]') && !!document.querySelector('.taro_page_show.taro_page_stationed'), undefined, {
    timeout: 15_000,
  });
  return name;
}

/** The real input or textarea inside Taro's wrapper element (both carry the placeholder). */
export function field(page: Page, placeholder: string) {
  return visiblePage(page).locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).first();
}
