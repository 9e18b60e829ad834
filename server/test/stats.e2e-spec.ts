import { ErrorCode, type LoginResponse, type RegionStatsDto, type StatsReportDto } from '@hall-menu/shared';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import { DatabaseService } from '../src/database/database.service';
import { Hall } from '../src/modules/halls/hall.entity';
import { Order } from '../src/modules/orders/order.entity';
import { ServiceProject } from '../src/modules/projects/service-project.entity';
import { Provider } from '../src/modules/providers/provider.entity';
import { EventRating } from '../src/modules/ratings/event-rating.entity';
import { buildWorld, Q3_NEEDS, Q3_ORDERS, type StatsWorld } from './stats-fixture';
import { bearer, startTestApp, type TestApp } from './test-app';

const COUNTY = '330381';
const Q3 = 'from=2026-07-01&to=2026-09-30';

/** Collects a binary response body (supertest hands the parser the raw Node response). */
const binary = (res: unknown, done: (error: Error | null, body: unknown) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};
const arrayBufferOf = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('statistics on a fixture with known answers (MySQL)', () => {
  let t: TestApp;
  let reviewer: LoginResponse;
  let world: StatsWorld;
  let stats: RegionStatsDto;

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    reviewer = await t.login('reviewer');
    world = await buildWorld(t, COUNTY, Q3_ORDERS, Q3_NEEDS);
    stats = (await request(t.http).get(`/api/stats?regionCode=${COUNTY}&${Q3}`).set(bearer(reviewer)).expect(200)).body as RegionStatsDto;
  });
  afterAll(() => t.close());

  it('computes every overall figure exactly', () => {
    expect(stats.region).toEqual({ code: COUNTY, name: world.county.name, level: 'county' });
    expect(stats.ordersPlaced).toBe(10);
    expect(stats.ordersByState).toEqual({ confirmed: 5, declined: 1, expired: 1, accepted: 1, cancelled: 1, completed: 1 });
    expect(stats.completionRate).toBe(0.625);
    expect(stats.medianResponseHours).toBe(4.5);
    expect(stats.servicesDelivered).toBe(6);
    expect(stats.attendance).toBe(540);
    expect(stats.volunteerHours).toBe(35);
    expect(stats.ratingsCount).toBe(10);
    expect(stats.satisfaction).toBe(0.7);
    expect(stats.hallsServed).toBe(3);
    expect(stats.hallsTotal).toBe(5);
    expect(stats.hallCoverage).toBe(0.6);
    expect(stats.unmetNeeds).toBe(2);
  });

  it('breaks the figures down by township, by category and by month', () => {
    expect(stats.breakdownLevel).toBe('township');
    expect(stats.byRegion).toEqual([
      { key: world.t1.code, label: world.t1.name, ordersPlaced: 7, servicesDelivered: 5, completionRate: 0.6667, attendance: 480, volunteerHours: 31, ratingsCount: 8, satisfaction: 0.625, hallsServed: 2, hallsTotal: 3, hallCoverage: 0.6667 },
      { key: world.t2.code, label: world.t2.name, ordersPlaced: 3, servicesDelivered: 1, completionRate: 0.5, attendance: 60, volunteerHours: 4, ratingsCount: 2, satisfaction: 1, hallsServed: 1, hallsTotal: 2, hallCoverage: 0.5 },
    ]);
    const category = (key: string) => stats.byCategory.find((c) => c.key === key);
    expect(stats.byCategory).toHaveLength(10);
    expect(category('performance')).toEqual({ key: 'performance', label: '文艺演出', ordersPlaced: 7, servicesDelivered: 3, completionRate: 0.5, attendance: 350, volunteerHours: 24, ratingsCount: 6, satisfaction: 0.6667 });
    expect(category('lecture')).toEqual({ key: 'lecture', label: '宣讲讲座', ordersPlaced: 3, servicesDelivered: 3, completionRate: 1, attendance: 190, volunteerHours: 11, ratingsCount: 4, satisfaction: 0.75 });
    expect(category('film')).toMatchObject({ ordersPlaced: 0, servicesDelivered: 0, completionRate: null, satisfaction: null });
    expect(stats.byMonth).toEqual([
      { key: '2026-07', label: '2026年7月', ordersPlaced: 5, servicesDelivered: 3, completionRate: 1, attendance: 200, volunteerHours: 20, ratingsCount: 5, satisfaction: 0.6 },
      { key: '2026-08', label: '2026年8月', ordersPlaced: 2, servicesDelivered: 2, completionRate: 0.5, attendance: 280, volunteerHours: 11, ratingsCount: 3, satisfaction: 0.6667 },
      { key: '2026-09', label: '2026年9月', ordersPlaced: 3, servicesDelivered: 1, completionRate: 0, attendance: 60, volunteerHours: 4, ratingsCount: 2, satisfaction: 1 },
    ]);
  });

  it('narrows to a township and to a single day, Beijing calendar', async () => {
    const t1 = (await request(t.http).get(`/api/stats?regionCode=${world.t1.code}&${Q3}`).set(bearer(reviewer)).expect(200)).body as RegionStatsDto;
    expect(t1).toMatchObject({ ordersPlaced: 7, servicesDelivered: 5, attendance: 480, hallsServed: 2, hallsTotal: 3, breakdownLevel: 'village', unmetNeeds: 2 });
    expect(t1.byRegion.map((r) => r.hallsTotal).reduce((a, b) => a + b, 0)).toBe(3);
    // 1 July: o1 was placed at 00:30 Beijing (still 30 June in UTC); o8 at 23:30 the day before does not count.
    const day = (await request(t.http).get(`/api/stats?regionCode=${COUNTY}&from=2026-07-01&to=2026-07-01`).set(bearer(reviewer)).expect(200)).body as RegionStatsDto;
    expect(day).toMatchObject({ ordersPlaced: 1, ordersByState: { confirmed: 1 }, servicesDelivered: 0, medianResponseHours: 2 });
    expect(day.byMonth.map((m) => m.key)).toEqual(['2026-07']);
  });

  it('exports the same figures as CSV and XLSX', async () => {
    const csv = await request(t.http).get(`/api/stats/export.csv?regionCode=${COUNTY}&${Q3}`).set(bearer(reviewer)).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines = csv.text.slice(1).trim().split('\r\n').map((l) => l.split(','));
    const row = (first: string) => lines.find((l) => l[0] === first);
    expect(row('点单数')).toEqual(['点单数', '10']);
    expect(row('完成服务场次')).toEqual(['完成服务场次', '6']);
    expect(row('完成率')).toEqual(['完成率', '62.5%']);
    expect(row('服务方答复时间中位数(小时)')).toEqual(['服务方答复时间中位数(小时)', '4.5']);
    expect(row('参与群众人次')).toEqual(['参与群众人次', '540']);
    expect(row('志愿服务时长(小时)')).toEqual(['志愿服务时长(小时)', '35']);
    expect(row('群众满意度')).toEqual(['群众满意度', '70%']);
    expect(row('服务覆盖礼堂')).toEqual(['服务覆盖礼堂', '3/5']);
    expect(row('未满足需求')).toEqual(['未满足需求', '2']);
    expect(lines.slice(lines.findIndex((l) => l[0] === '点单状态') + 1, lines.findIndex((l) => l[0] === '点单状态') + 7)).toEqual([
      ['已确定时间', '1'],
      ['服务方已婉拒', '1'],
      ['超时未答复', '1'],
      ['已取消', '1'],
      ['待礼堂确认', '1'],
      ['已完成', '5'],
    ]);
    expect(row(world.t1.name)).toEqual([world.t1.name, '7', '5', '66.7%', '480', '31', '8', '62.5%', '2', '3', '66.7%']);
    expect(row('宣讲讲座')).toEqual(['宣讲讲座', '3', '3', '100%', '190', '11', '4', '75%']);
    expect(row('2026年8月')).toEqual(['2026年8月', '2', '2', '50%', '280', '11', '3', '66.7%']);

    const xlsx = await request(t.http).get(`/api/stats/export.xlsx?regionCode=${COUNTY}&${Q3}`).set(bearer(reviewer)).buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(arrayBufferOf(xlsx.body as Buffer));
    expect(book.worksheets.map((w) => w.name)).toEqual(['总览', '按地区', '按类别', '按月']);
    const values = (sheet: string) => {
      const rows: unknown[][] = [];
      book.getWorksheet(sheet)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return rows;
    };
    const overview = new Map(values('总览').map((r) => [r[0], r[1]]));
    expect(overview.get('点单数')).toBe(10);
    expect(overview.get('完成服务场次')).toBe(6);
    expect(overview.get('完成率')).toBe(0.625);
    expect(overview.get('参与群众人次')).toBe(540);
    expect(overview.get('志愿服务时长(小时)')).toBe(35);
    expect(overview.get('群众满意度')).toBe(0.7);
    expect(overview.get('礼堂覆盖率')).toBe(0.6);
    expect(overview.get('未满足需求')).toBe(2);
    const regions = values('按地区');
    expect(regions[0][0]).toBe('下级地区：乡镇(街道)');
    expect(regions.slice(1)).toEqual([
      [world.t1.name, 7, 5, 0.6667, 480, 31, 8, 0.625, 2, 3, 0.6667],
      [world.t2.name, 3, 1, 0.5, 60, 4, 2, 1, 1, 2, 0.5],
    ]);
    const categories = values('按类别');
    expect(categories).toHaveLength(11);
    expect(categories.find((r) => r[0] === '文艺演出')).toEqual(['文艺演出', 7, 3, 0.5, 350, 24, 6, 0.6667]);
    expect(categories.find((r) => r[0] === '电影放映')).toEqual(['电影放映', 0, 0, '—', 0, 0, 0, '—']);
    expect(values('按月').slice(1).map((r) => [r[0], r[2], r[4]])).toEqual([
      ['2026年7月', 3, 200],
      ['2026年8月', 2, 280],
      ['2026年9月', 1, 60],
    ]);
  });

  it('writes the period report with the real numbers, as text and as a Word document', async () => {
    const report = (await request(t.http).get(`/api/stats/report?regionCode=${COUNTY}&${Q3}`).set(bearer(reviewer)).expect(200)).body as StatsReportDto;
    const name = world.county.name;
    expect(report.periodWording).toBe('本季度');
    expect(report.title).toBe(`${name}2026年第三季度文化礼堂服务工作小结`);
    expect(report.paragraphs[0]).toBe(`本季度，${name}共开展服务6场次，参与群众540人次，群众满意度70%，覆盖60%的文化礼堂（3个，共5个）。`);
    expect(report.text).toContain('本季度各文化礼堂共点单10单，其中已确认完成5单，完成率62.5%；服务方答复点单的时间中位数为4.5小时。服务队伍投入志愿服务时长35小时。');
    expect(report.text).toContain('从服务类别看，宣讲讲座3场、文艺演出3场，其中文艺演出参与群众最多，达350人次。');
    expect(report.text).toContain(`从地区看，${world.t1.name}5场、${world.t2.name}1场，礼堂覆盖率最高的是${world.t1.name}（66.7%）。`);
    expect(report.text).toContain('服务场次最多的月份是2026年7月，共3场次。');
    expect(report.text).toContain('另有2条群众需求尚未对接');

    const year = (await request(t.http).get(`/api/stats/report?regionCode=${COUNTY}&from=2026-01-01&to=2026-12-31`).set(bearer(reviewer)).expect(200)).body as StatsReportDto;
    expect(year.periodWording).toBe('本年度');
    // The whole year also counts o8 (placed in June): 11 orders, and the October rating.
    expect(year.paragraphs[0]).toContain('共开展服务6场次');
    expect(year.stats.ordersPlaced).toBe(11);
    const odd = (await request(t.http).get(`/api/stats/report?regionCode=${COUNTY}&from=2026-07-05&to=2026-08-20`).set(bearer(reviewer)).expect(200)).body as StatsReportDto;
    expect(odd.paragraphs[0].startsWith('2026年7月5日至2026年8月20日，')).toBe(true);

    const docx = await request(t.http).get(`/api/stats/report.docx?regionCode=${COUNTY}&${Q3}`).set(bearer(reviewer)).buffer(true).parse(binary).expect(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers['content-disposition']).toContain(encodeURIComponent(report.title));
    const xml = await (await JSZip.loadAsync(docx.body as Buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain(report.title);
    for (const paragraph of report.paragraphs) expect(xml).toContain(paragraph);
    expect(xml).toContain('主要指标');
    expect(xml).toContain(`<w:t xml:space="preserve">${world.t1.name}</w:t>`);
  });

  it('keeps the monthly rollups in step with what changes after they were built', async () => {
    const db = t.app.get(DatabaseService);
    const [o11] = world.orders.slice(10);
    // o11 is confirmed (held 28 Sep, 90 people, 2 h × team 4), the lecture team grows to 3, the lecture project
    // becomes a training one, o4's 5-star rating is hidden, and 统计六号礼堂 moves to the first township.
    await db.manager.update(Order, { id: o11 }, { status: 'confirmed' });
    await db.manager.update(Provider, { id: world.providers.q }, { teamSize: 3 });
    await db.manager.update(ServiceProject, { id: world.projects.b }, { category: 'training' });
    const [five] = await db.manager.query('SELECT r.id FROM event_ratings r JOIN hall_events e ON e.id = r.event_id WHERE e.order_id = ? AND r.stars = 5', [world.orders[3]]);
    await db.manager.update(EventRating, { id: five.id }, { hidden: true });
    const [village] = await db.manager.query('SELECT code FROM regions WHERE parent_code = ? ORDER BY code DESC LIMIT 1', [world.t1.code]);
    await db.manager.update(Hall, { id: world.halls.h6 }, { villageCode: village.code });

    const after = (await request(t.http).get(`/api/stats?regionCode=${COUNTY}&${Q3}`).set(bearer(reviewer)).expect(200)).body as RegionStatsDto;
    expect(after).toMatchObject({
      ordersPlaced: 10,
      ordersByState: { confirmed: 6, declined: 1, expired: 1, accepted: 1, cancelled: 1 },
      completionRate: 0.6667,
      servicesDelivered: 7,
      attendance: 630,
      // performances 4 × 8 h; lectures 1.5 × 3 + 2 × 3 + 2 × 3
      volunteerHours: 48.5,
      ratingsCount: 9,
      satisfaction: 0.6667,
      hallsServed: 3,
    });
    expect(after.ordersByState.completed).toBeUndefined();
    const category = (key: string) => after.byCategory.find((c) => c.key === key)!;
    expect(category('lecture')).toMatchObject({ ordersPlaced: 0, servicesDelivered: 0 });
    expect(category('training')).toMatchObject({ ordersPlaced: 3, servicesDelivered: 3, volunteerHours: 16.5, ratingsCount: 3 });
    expect(after.byRegion.map((r) => [r.key, r.ordersPlaced, r.hallsTotal])).toEqual([
      [world.t1.code, 8, 4],
      [world.t2.code, 2, 1],
    ]);

    // An order written afterwards with past times (as an import or a seed would) is taken in too.
    const old = new Date('2026-09-01T02:00:00Z');
    await db.manager.query(
      `INSERT INTO orders (project_id, hall_id, provider_id, ordered_by, idempotency_key, status, windows, expected_audience, notes,
         scheduled_start, scheduled_end, answer_deadline, head_count, quota_year, quota_returned, created_at, updated_at)
       VALUES (?, ?, ?, 1, 'stats-backdated', 'confirmed', '[]', 50, '', ?, ?, ?, 10, 2026, 0, ?, ?)`,
      [world.projects.a, world.halls.h3, world.providers.p, new Date('2026-09-10T06:00:00Z'), new Date('2026-09-10T08:00:00Z'), old, old, old],
    );
    const imported = (await request(t.http).get(`/api/stats?regionCode=${COUNTY}&${Q3}`).set(bearer(reviewer)).expect(200)).body as RegionStatsDto;
    expect(imported).toMatchObject({ ordersPlaced: 11, servicesDelivered: 8, attendance: 640, volunteerHours: 56.5, hallsServed: 4 });
  });

  it('keeps statistics to the reviewer’s region and answers wrong input in Chinese', async () => {
    const county = await t.login('reviewer', (await t.app.get(DatabaseService).manager.query("SELECT user_id FROM user_roles WHERE role = 'reviewer' AND region_code = ?", [COUNTY]))[0].user_id);
    const own = (await request(t.http).get(`/api/stats?${Q3}`).set(bearer(county)).expect(200)).body as RegionStatsDto;
    expect(own).toMatchObject({ region: { code: COUNTY }, servicesDelivered: 8 });
    expect((await request(t.http).get(`/api/stats?regionCode=330302&${Q3}`).set(bearer(county)).expect(403)).body.code).toBe(ErrorCode.OutOfScope);
    await request(t.http).get(`/api/stats/report.docx?regionCode=330302&${Q3}`).set(bearer(county)).expect(403);
    await request(t.http).get(`/api/stats?${Q3}`).set(bearer(await t.login('hall_manager'))).expect(403);
    const backwards = (await request(t.http).get(`/api/stats?regionCode=${COUNTY}&from=2026-09-30&to=2026-07-01`).set(bearer(reviewer)).expect(400)).body;
    expect(backwards.message).toContain('结束日期不能早于开始日期');
    expect((await request(t.http).get(`/api/stats?regionCode=${COUNTY}&from=2026-02-30&to=2026-03-01`).set(bearer(reviewer)).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
  });
});
