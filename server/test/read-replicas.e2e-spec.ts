import type { LoginResponse, MenuItemDto, OrderDto, Paged, RankingDto, RegionStatsDto } from '@hall-menu/shared';
import { createConnection, type Connection } from 'mysql2/promise';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { addDays, beijingToday } from '../src/common/time';
import { DatabaseService } from '../src/database/database.service';
import { baseDatabaseUrl, workerDatabaseUrl } from './database';
import { publishedProjectFor } from './fixtures';
import { buildWorld, type OrderSpec, type StatsWorld } from './stats-fixture';
import { bearer, startTestApp, type TestApp } from './test-app';

/**
 * DATABASE_READ_URLS on the local MariaDB. The "replica" is a copy of the app's database taken once (a replica that
 * stopped replicating), read by a user with SELECT only: an answer holding a value only the copy has was read from
 * the replica; a write that reached it would fail; a read that must see its own write would miss it there.
 */
/** Not the demo walkthrough's county (瑞安市): the fixture stops every demo hall of its county, the demo manager's too. */
const COUNTY = '330302';
const ORDERS: OrderSpec[] = [
  { hall: 'h1', project: 'a', status: 'confirmed', created: '2026-03-01T10:00', scheduled: { start: '2026-03-10T14:00', hours: 2 }, headCount: 100 },
];
const RUN = `${process.env.HALLMENU_TEST_RUN ?? 'local'}_${process.env.JEST_WORKER_ID ?? '1'}`;

describe('read replicas (MySQL)', () => {
  const primary = workerDatabaseUrl();
  const replicaDb = `${primary.name}_replica`;
  const replicaUser = `hallmenu_ro_${RUN}`;
  let admin: Connection;
  let t: TestApp;
  let reviewer: LoginResponse;
  let world: StatsWorld;

  /** Copies every table of the app's database into the replica's, as replication would have by now. */
  async function replicate(): Promise<void> {
    const [tables] = await admin.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", [primary.name]);
    await admin.query(`DROP DATABASE IF EXISTS \`${replicaDb}\``);
    await admin.query(`CREATE DATABASE \`${replicaDb}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    for (const { name } of tables as { name: string }[]) {
      await admin.query(`CREATE TABLE \`${replicaDb}\`.\`${name}\` LIKE \`${primary.name}\`.\`${name}\``);
      await admin.query(`INSERT INTO \`${replicaDb}\`.\`${name}\` SELECT * FROM \`${primary.name}\`.\`${name}\``);
    }
  }
  const onReplica = (sql: string, params: unknown[] = []) => admin.query(sql.replace(/\{db\}/g, `\`${replicaDb}\``), params);
  const menuOf = async (providerId: number, pageSize = 20) =>
    (await request(t.http).get(`/api/menu?providerId=${providerId}&pageSize=${pageSize}`).expect(200)).body as Paged<MenuItemDto>;
  const stats = async (app: TestApp) =>
    (await request(app.http).get(`/api/stats?regionCode=${COUNTY}&from=2026-01-01&to=2026-12-31`).set(bearer(reviewer)).expect(200)).body as RegionStatsDto;
  const hallRanking = async (app: TestApp) =>
    (await request(app.http).get(`/api/rankings?year=2026&kind=hall&regionCode=${COUNTY}`).set(bearer(reviewer)).expect(200)).body as RankingDto;

  beforeAll(async () => {
    admin = await createConnection({ uri: baseDatabaseUrl() });
    // The copy is made table by table, in no particular order.
    await admin.query('SET SESSION foreign_key_checks = 0');
    const password = randomBytes(12).toString('hex');
    await admin.query(`DROP USER IF EXISTS '${replicaUser}'@'%'`);
    await admin.query(`CREATE USER '${replicaUser}'@'%' IDENTIFIED BY ?`, [password]);
    await admin.query(`GRANT SELECT ON \`${replicaDb}\`.* TO '${replicaUser}'@'%'`);
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${replicaDb}\``);
    const replicaUrl = new URL(baseDatabaseUrl());
    replicaUrl.username = replicaUser;
    replicaUrl.password = password;
    replicaUrl.pathname = `/${replicaDb}`;

    t = await startTestApp({ DATABASE_READ_URLS: replicaUrl.toString(), JOB_INTERVAL_SECONDS: '0' });
    reviewer = await t.login('reviewer');
    // Written in one transaction on the primary: the replica's user could not have written it.
    world = await buildWorld(t, COUNTY, ORDERS, []);
    await replicate();
  });
  afterAll(async () => {
    await t?.close();
    await admin.query(`DROP USER IF EXISTS '${replicaUser}'@'%'`);
    await admin.query(`DROP DATABASE IF EXISTS \`${replicaDb}\``);
    await admin.end();
  });

  it('reads the menu, statistics and rankings from the replica', async () => {
    // Values only the replica has: a project's title, a hall stopped, a service's attendance.
    await onReplica('UPDATE {db}.service_projects SET title = ? WHERE id = ?', ['副本里的越剧专场', world.projects.a]);
    await onReplica('UPDATE {db}.halls SET active = 0 WHERE id = ?', [world.halls.h6]);
    await onReplica('UPDATE {db}.orders SET head_count = 777 WHERE id = ?', [world.orders[0]]);

    expect((await menuOf(world.providers.p)).items.map((p) => p.title)).toEqual(['副本里的越剧专场']);
    expect((await stats(t)).hallsTotal).toBe(4);
    expect((await hallRanking(t)).items.map((r) => [r.id, r.attendance])).toEqual([[world.halls.h1, 777]]);

    // The primary has its own values, and the replica's user holds connections of the app's pool.
    const db = t.app.get(DatabaseService);
    expect((await db.manager.query('SELECT title FROM service_projects WHERE id = ?', [world.projects.a]))[0].title).toBe('统计越剧专场');
    expect(Number((await db.manager.query(`SELECT COUNT(*) n FROM halls WHERE active = 1 AND village_code LIKE ?`, [`${COUNTY}%`]))[0].n)).toBe(5);
    const [sessions] = await admin.query('SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE USER = ?', [replicaUser]);
    expect(Number((sessions as { n: number }[])[0].n)).toBeGreaterThan(0);
  });

  it('writes to the primary, and a person reads what they just wrote', async () => {
    const [manager, provider] = [await t.login('hall_manager'), await t.login('provider')];
    // Create, submit and approve: each a write the replica's user would have been refused.
    const project = await publishedProjectFor(t, provider, reviewer, manager, '副本测试越剧专场');
    const [[copied]] = (await onReplica('SELECT COUNT(*) AS n FROM {db}.service_projects WHERE id = ?', [project.id])) as [{ n: number }[], unknown];
    expect(Number(copied.n)).toBe(0);

    // Just after the approval the menu comes from the primary, so the page cached now shows the new project.
    expect((await menuOf(provider.me.scopes.provider!.id)).items.map((p) => p.id)).toContain(project.id);

    const day = addDays(beijingToday(), 3);
    const order = (
      await request(t.http)
        .post('/api/orders')
        .set(bearer(manager))
        .set('Idempotency-Key', randomUUID())
        .send({ projectId: project.id, hallId: manager.me.scopes.halls[0].id, windows: [{ from: day, to: day }], expectedAudience: 100 })
        .expect(201)
    ).body as OrderDto;
    const mine = (await request(t.http).get('/api/orders/hall?pageSize=50').set(bearer(manager)).expect(200)).body as Paged<OrderDto>;
    expect(mine.items.map((o) => o.id)).toContain(order.id);
    expect(((await request(t.http).get(`/api/orders/${order.id}`).set(bearer(provider)).expect(200)).body as OrderDto).status).toBe('pending');

    // Once replicas have had time to catch up, menu pages come from the replica again (this one has stopped: no project).
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 11_000));
    try {
      expect((await menuOf(provider.me.scopes.provider!.id, 19)).items.map((p) => p.id)).not.toContain(project.id);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('reads from the primary when no replica can be reached', async () => {
    const alone = await startTestApp({ DATABASE_URL: primary.url, DATABASE_READ_URLS: 'mysql://nobody:x@127.0.0.1:1/none', JOB_INTERVAL_SECONDS: '0' });
    try {
      const menu = (await request(alone.http).get(`/api/menu?providerId=${world.providers.p}`).expect(200)).body as Paged<MenuItemDto>;
      expect(menu.items.map((p) => p.title)).toEqual(['统计越剧专场']);
      expect((await stats(alone)).hallsTotal).toBe(5);
      expect((await hallRanking(alone)).items.map((r) => [r.id, r.attendance])).toEqual([[world.halls.h1, 100]]);
    } finally {
      await alone.close();
    }
  });
});
