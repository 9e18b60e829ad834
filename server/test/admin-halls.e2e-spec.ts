import {
  ErrorCode,
  type AdminHallDto,
  type AuditPage,
  type BlackoutConflictDetails,
  type HallImportDto,
  type HallImportRowDto,
  type HallImportSummaryDto,
  type LoginResponse,
  type OrderDto,
  type Paged,
  type HallDto,
  type MeResponse,
} from '@hall-menu/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { addDays, beijingToday } from '../src/common/time';
import { DatabaseService } from '../src/database/database.service';
import { acceptedOrder, heldService, publishedProjectFor } from './fixtures';
import { hallImportCsv, hallImportXlsx, type HallImportRowInput } from './hall-import-file';
import { bearer, startTestApp, type TestApp } from './test-app';

/** The demo's county (瑞安市), where the second reviewer works and the first manager's halls are. */
const COUNTY = '330381';

describe('administration of halls: scope, quota, blackouts, closing, managers, bulk import (MySQL)', () => {
  let t: TestApp;
  let db: DatabaseService;
  let admin: LoginResponse;
  let countyReviewer: LoginResponse;
  let cityReviewer: LoginResponse;
  let manager: LoginResponse;
  let provider: LoginResponse;
  let foreignHallId: number;
  let countyHallId: number;
  const today = beijingToday();
  const year = Number(today.slice(0, 4));

  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => db.manager.query(sql, params);
  const count = async (sql: string, params: unknown[] = []) => Number((await q<{ n: number | string }>(sql, params))[0].n);
  const hallRow = async (id: number) => (await q('SELECT * FROM halls WHERE id = ?', [id]))[0];
  const upload = (login: LoginResponse, file: Buffer, name = 'halls.xlsx') =>
    request(t.http).post('/api/admin/hall-imports').set(bearer(login)).attach('file', file, name);
  const confirm = (login: LoginResponse, id: number, mode?: string) =>
    request(t.http).post(`/api/admin/hall-imports/${id}/confirm`).set(bearer(login)).send(mode ? { mode } : {});
  const order = (hallId: number, projectId: number, window: { from: string; to: string }) =>
    request(t.http).post('/api/orders').set(bearer(manager)).set('Idempotency-Key', randomUUID()).send({ projectId, hallId, windows: [window], expectedAudience: 80 });

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    db = t.app.get(DatabaseService);
    admin = await t.login('admin');
    cityReviewer = await t.login('reviewer');
    const [countyReviewerRow] = await q<{ id: number }>("SELECT id FROM users WHERE demo_key = 'reviewer-2'");
    countyReviewer = await t.login('reviewer', Number(countyReviewerRow.id));
    manager = await t.login('hall_manager');
    provider = await t.login('provider');
    expect(countyReviewer.me.scopes.region?.code).toBe(COUNTY);
    expect(manager.me.scopes.halls.every((h) => h.villageCode.startsWith(COUNTY))).toBe(true);
    foreignHallId = Number((await q<{ id: number }>('SELECT id FROM halls WHERE village_code NOT LIKE ? ORDER BY id LIMIT 1', [`${COUNTY}%`]))[0].id);
    const managed = manager.me.scopes.halls.map((h) => h.id);
    countyHallId = Number(
      (await q<{ id: number }>(`SELECT id FROM halls WHERE village_code LIKE ? AND id NOT IN (${managed.map(() => '?').join(',')}) ORDER BY id LIMIT 1`, [`${COUNTY}%`, ...managed]))[0].id,
    );
  });
  afterAll(() => t.close());

  it('keeps a county reviewer to the halls of their county: edit, quota, blackouts, close, managers, import and export are refused outside', async () => {
    const before = await hallRow(foreignHallId);
    const outside = (await request(t.http).get(`/api/halls/${foreignHallId}`).expect(200)).body as HallDto;
    const edit = { name: outside.name, villageCode: outside.villageCode, seats: outside.seats + 1, annualQuota: outside.annualQuota };
    const refusals = [
      request(t.http).put(`/api/halls/${foreignHallId}`).set(bearer(countyReviewer)).send(edit),
      request(t.http).post('/api/halls').set(bearer(countyReviewer)).send({ ...edit, name: '越界新建礼堂' }),
      request(t.http).get(`/api/admin/halls/${foreignHallId}`).set(bearer(countyReviewer)),
      request(t.http).put(`/api/admin/halls/${foreignHallId}/quota`).set(bearer(countyReviewer)).send({ annualQuota: 99 }),
      request(t.http).put(`/api/admin/halls/${foreignHallId}/blackouts`).set(bearer(countyReviewer)).send({ periods: [{ from: addDays(today, 1), to: addDays(today, 2) }] }),
      request(t.http).post(`/api/admin/halls/${foreignHallId}/close`).set(bearer(countyReviewer)).send({ reason: '越界关闭' }),
      request(t.http).post(`/api/admin/halls/${foreignHallId}/managers`).set(bearer(countyReviewer)).send({ userId: countyReviewer.me.id }),
      request(t.http).get('/api/admin/halls?region=330302').set(bearer(countyReviewer)),
      request(t.http).get('/api/admin/halls/export.csv?region=330302').set(bearer(countyReviewer)),
    ];
    for (const res of await Promise.all(refusals)) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe(ErrorCode.OutOfScope);
      expect(res.body.message).toMatch(/负责/);
    }
    // An import naming the hall by number, or a village of another county, is refused row by row and cannot be confirmed.
    const preview = (
      await upload(
        countyReviewer,
        await hallImportXlsx([
          { 礼堂编号: foreignHallId, 座位数: 999 },
          { '村/社区代码': outside.villageCode, 礼堂名称: '越界导入礼堂', 座位数: 100 },
        ]),
      ).expect(201)
    ).body as HallImportDto;
    expect(preview.counts).toMatchObject({ total: 2, error: 2 });
    expect(preview.rows.items[0].errors).toContain(`编号 ${foreignHallId} 的礼堂不在您负责的地区内`);
    expect(preview.rows.items[1].errors[0]).toMatch(/不在您负责的地区内$/);
    expect((await confirm(countyReviewer, preview.id).expect(409)).body.code).toBe(ErrorCode.ImportHasErrors);
    const skipped = (await confirm(countyReviewer, preview.id, 'skip-errors').expect(200)).body as HallImportDto;
    expect(skipped.status).toBe('confirmed');

    expect(await hallRow(foreignHallId)).toEqual(before);
    expect(await count("SELECT COUNT(*) n FROM admin_changes WHERE object_type = 'hall' AND object_id = ?", [String(foreignHallId)])).toBe(0);
    expect(await count('SELECT COUNT(*) n FROM halls WHERE name = ?', ['越界导入礼堂'])).toBe(0);

    // Inside the county the same reviewer may.
    const own = (await request(t.http).put(`/api/admin/halls/${countyHallId}/quota`).set(bearer(countyReviewer)).send({ annualQuota: 18 }).expect(200)).body as AdminHallDto;
    expect(own.annualQuota).toBe(18);
    const listed = (await request(t.http).get('/api/admin/halls?pageSize=100').set(bearer(countyReviewer)).expect(200)).body as Paged<AdminHallDto>;
    expect(listed.total).toBeGreaterThan(0);
    expect(listed.items.every((h) => h.villageCode.startsWith(COUNTY))).toBe(true);
  });

  it('sets the quota for the current year, records old and new value with who and when, and the next order obeys it', async () => {
    const hallId = manager.me.scopes.halls[0].id;
    await q('UPDATE halls SET annual_quota = 10, quota_year = ?, quota_used = 5 WHERE id = ?', [year - 1, hallId]);
    const set = (await request(t.http).put(`/api/admin/halls/${hallId}/quota`).set(bearer(admin)).send({ annualQuota: 1, reason: '年初核定' }).expect(200)).body as AdminHallDto;
    expect(set).toMatchObject({ annualQuota: 1, quotaYear: year, quotaUsed: 0, quotaLeft: 1 });

    const [change] = await q<{ actor_id: number; action: string; before_values: string; after_values: string; reason: string; region_code: string; created_at: Date }>(
      "SELECT * FROM admin_changes WHERE object_type = 'hall' AND object_id = ? AND action = 'set_quota'",
      [String(hallId)],
    );
    expect(Number(change.actor_id)).toBe(admin.me.id);
    expect(JSON.parse(change.before_values)).toEqual({ annualQuota: 10, quotaYear: year - 1, quotaUsed: 5 });
    expect(JSON.parse(change.after_values)).toEqual({ annualQuota: 1, quotaYear: year, quotaUsed: 0 });
    expect(change.reason).toBe('年初核定');
    expect(change.region_code).toBe(set.villageCode);
    expect(Date.now() - new Date(change.created_at).getTime()).toBeLessThan(60_000);

    const audit = (await request(t.http).get(`/api/admin/audit?objectType=hall&objectId=${hallId}`).set(bearer(countyReviewer)).expect(200)).body as AuditPage;
    expect(audit.items[0]).toMatchObject({ action: 'set_quota', actionLabel: '设置点单额度', actor: { id: admin.me.id, nickname: admin.me.nickname }, after: { annualQuota: 1 } });

    const project = await publishedProjectFor(t, provider, cityReviewer, manager, '额度测试剪纸展');
    const window = { from: addDays(today, 3), to: addDays(today, 9) };
    const first = (await order(hallId, project.id, window).expect(201)).body as OrderDto;
    const second = await order(hallId, project.id, window).expect(409);
    expect(second.body).toMatchObject({ code: ErrorCode.QuotaExhausted });
    await request(t.http).post(`/api/orders/${first.id}/actions/cancel`).set(bearer(manager)).send({}).expect(200);
    await request(t.http).put(`/api/admin/halls/${hallId}/quota`).set(bearer(admin)).send({ annualQuota: 30 }).expect(200);
  });

  it('refuses orders in a blackout period and at a closed hall; a hall with an order under way cannot close', async () => {
    const hallId = manager.me.scopes.halls[1]?.id ?? manager.me.scopes.halls[0].id;
    await q('UPDATE halls SET annual_quota = 50 WHERE id = ?', [hallId]);
    const project = await publishedProjectFor(t, provider, cityReviewer, manager, '暂停接待测试越剧');
    const blackout = { from: addDays(today, 5), to: addDays(today, 12), note: '农忙' };
    const bad = await request(t.http).put(`/api/admin/halls/${hallId}/blackouts`).set(bearer(admin)).send({ periods: [{ from: blackout.to, to: blackout.from }] }).expect(400);
    expect(bad.body.message).toContain('结束日期不能早于开始日期');
    const set = (await request(t.http).put(`/api/admin/halls/${hallId}/blackouts`).set(bearer(admin)).send({ periods: [blackout] }).expect(200)).body as AdminHallDto;
    expect(set.blackouts).toEqual([blackout]);

    const inside = await order(hallId, project.id, { from: addDays(today, 6), to: addDays(today, 10) }).expect(409);
    expect(inside.body.code).toBe(ErrorCode.HallBlackout);
    expect(inside.body.message).toContain('农忙');
    const straddling = (await order(hallId, project.id, { from: addDays(today, 11), to: addDays(today, 14) }).expect(201)).body as OrderDto;
    const at = (offset: number) => ({ start: `${addDays(today, offset)}T14:00:00+08:00`, end: `${addDays(today, offset)}T16:00:00+08:00` });
    const refused = await request(t.http).post(`/api/orders/${straddling.id}/actions/accept`).set(bearer(provider)).send(at(12)).expect(409);
    expect(refused.body.code).toBe(ErrorCode.HallBlackout);
    await request(t.http).post(`/api/orders/${straddling.id}/actions/accept`).set(bearer(provider)).send(at(13)).expect(200);

    const busy = await request(t.http).post(`/api/admin/halls/${hallId}/close`).set(bearer(admin)).send({ reason: '房屋维修' }).expect(409);
    expect(busy.body.message).toContain('进行中的点单');
    await request(t.http).post(`/api/orders/${straddling.id}/actions/cancel`).set(bearer(manager)).send({ reason: '礼堂维修' }).expect(200);
    const closed = (await request(t.http).post(`/api/admin/halls/${hallId}/close`).set(bearer(admin)).send({ reason: '房屋维修' }).expect(200)).body as AdminHallDto;
    expect(closed.active).toBe(false);
    await request(t.http).post(`/api/admin/halls/${hallId}/close`).set(bearer(admin)).send({ reason: '房屋维修' }).expect(409);

    const villagerList = (await request(t.http).get(`/api/halls?keyword=${encodeURIComponent(closed.name)}`).expect(200)).body as Paged<HallDto>;
    expect(villagerList.items.map((h) => h.id)).not.toContain(hallId);
    const onClosed = await order(hallId, project.id, { from: addDays(today, 20), to: addDays(today, 25) }).expect(409);
    expect(onClosed.body).toMatchObject({ code: ErrorCode.HallClosed, message: '该礼堂已关闭，不能点单' });

    await request(t.http).post(`/api/admin/halls/${hallId}/reopen`).set(bearer(admin)).send({}).expect(200);
    await request(t.http).put(`/api/admin/halls/${hallId}/blackouts`).set(bearer(admin)).send({ periods: [] }).expect(200);
    const actions = await q<{ action: string }>("SELECT action FROM admin_changes WHERE object_type = 'hall' AND object_id = ? ORDER BY id", [String(hallId)]);
    expect(actions.map((a) => a.action)).toEqual(['set_blackouts', 'close', 'reopen', 'set_blackouts']);
  });

  it('keeps the fields an edit leaves out: the quota, star level, facilities and address stay; a quota sent is recorded', async () => {
    const hallId = countyHallId;
    await q("UPDATE halls SET annual_quota = 17, star_level = 4, facilities = ?, address = '祠堂东侧' WHERE id = ?", [JSON.stringify(['stage', 'sound']), hallId]);
    const hall = (await request(t.http).get(`/api/halls/${hallId}`).expect(200)).body as HallDto;
    const since = await count('SELECT COALESCE(MAX(id), 0) n FROM admin_changes');

    const edited = (await request(t.http).put(`/api/halls/${hallId}`).set(bearer(admin)).send({ name: hall.name, villageCode: hall.villageCode, seats: hall.seats + 3 }).expect(200)).body as HallDto;
    expect(edited).toMatchObject({ seats: hall.seats + 3, annualQuota: 17, starLevel: 4, facilities: ['stage', 'sound'], address: '祠堂东侧', latitude: hall.latitude });
    const [edit] = await q<{ before_values: string; after_values: string }>("SELECT * FROM admin_changes WHERE id > ? AND action = 'update'", [since]);
    expect([JSON.parse(edit.before_values), JSON.parse(edit.after_values)]).toEqual([{ seats: hall.seats }, { seats: hall.seats + 3 }]);

    const quota = (await request(t.http).put(`/api/halls/${hallId}`).set(bearer(admin)).send({ name: hall.name, villageCode: hall.villageCode, seats: hall.seats + 3, annualQuota: 21 }).expect(200))
      .body as HallDto;
    expect(quota).toMatchObject({ annualQuota: 21, starLevel: 4, address: '祠堂东侧' });
    const changes = await q<{ before_values: string; after_values: string }>("SELECT * FROM admin_changes WHERE id > ? AND action = 'update' ORDER BY id", [since]);
    expect(changes).toHaveLength(2);
    expect([JSON.parse(changes[1].before_values), JSON.parse(changes[1].after_values)]).toEqual([{ annualQuota: 17 }, { annualQuota: 21 }]);
    // Sent again unchanged: nothing to record.
    await request(t.http).put(`/api/halls/${hallId}`).set(bearer(admin)).send({ name: hall.name, villageCode: hall.villageCode, seats: hall.seats + 3, annualQuota: 21 }).expect(200);
    expect(await count("SELECT COUNT(*) n FROM admin_changes WHERE id > ? AND action = 'update'", [since])).toBe(2);
  });

  it('refuses a blackout over scheduled services, naming them; set anyway with force, it tells the managers and the provider', async () => {
    const hallId = manager.me.scopes.halls[0].id;
    await q('UPDATE halls SET annual_quota = 50 WHERE id = ?', [hallId]);
    const project = await publishedProjectFor(t, provider, cityReviewer, manager, '暂停接待冲突测试黄梅戏');
    const scheduled = await acceptedOrder(t, { manager, provider }, project.id, hallId, 15);
    const day = addDays(today, 15);
    const blackouts = (periods: unknown[], force?: boolean) =>
      request(t.http).put(`/api/admin/halls/${hallId}/blackouts`).set(bearer(admin)).send(force === undefined ? { periods } : { periods, force });
    const festival = { from: addDays(today, 30), to: addDays(today, 31), note: '节庆' };
    await blackouts([festival]).expect(200);
    const notified = "SELECT user_id, link, body FROM notifications WHERE kind = 'hall.blackout_set' ORDER BY user_id";

    const repair = { from: addDays(today, 14), to: addDays(today, 16), note: '礼堂维修' };
    const refused = await blackouts([festival, repair]).expect(409);
    const providerRow = (await q<{ name: string; contact_phone: string }>('SELECT name, contact_phone FROM providers WHERE id = ?', [scheduled.provider.id]))[0];
    expect(refused.body.code).toBe(ErrorCode.Conflict);
    expect(refused.body.message).toContain(`${day}「暂停接待冲突测试黄梅戏」（${providerRow.name}）`);
    expect(refused.body.message).toContain('仍然设置');
    expect((refused.body.details as BlackoutConflictDetails).scheduledServices).toEqual([
      {
        orderId: scheduled.id,
        eventId: scheduled.event!.id,
        date: day,
        startsAt: scheduled.scheduledStart,
        endsAt: scheduled.scheduledEnd,
        title: '暂停接待冲突测试黄梅戏',
        provider: { id: scheduled.provider.id, name: providerRow.name, contactName: expect.any(String), contactPhone: providerRow.contact_phone },
      },
    ]);
    expect(((await request(t.http).get(`/api/admin/halls/${hallId}`).set(bearer(admin)).expect(200)).body as AdminHallDto).blackouts).toEqual([festival]);
    expect(await q(notified)).toEqual([]);

    const forced = (await blackouts([festival, repair], true).expect(200)).body as AdminHallDto;
    expect(forced.blackouts).toEqual([repair, festival]);
    const managerIds = (await q<{ user_id: number }>('SELECT user_id FROM hall_managers WHERE hall_id = ?', [hallId])).map((r) => Number(r.user_id));
    const memberIds = (await q<{ user_id: number }>('SELECT user_id FROM provider_members WHERE provider_id = ?', [scheduled.provider.id])).map((r) => Number(r.user_id));
    const messages = await q<{ user_id: number; link: string; body: string }>(notified);
    expect(messages.map((m) => Number(m.user_id))).toEqual([...new Set([...managerIds, ...memberIds])].sort((a, b) => a - b));
    expect(messages.every((m) => m.link === `pages/order/index?id=${scheduled.id}`)).toBe(true);
    expect(messages[0].body).toContain(`${repair.from} 至 ${repair.to}（礼堂维修）`);
    expect(messages[0].body).toContain(`${day} 的「暂停接待冲突测试黄梅戏」`);
    const [change] = await q<{ reason: string }>("SELECT reason FROM admin_changes WHERE object_type = 'hall' AND object_id = ? AND action = 'set_blackouts' ORDER BY id DESC LIMIT 1", [String(hallId)]);
    expect(change.reason).toBe(`仍然设置：其中已安排 1 场服务（点单编号 ${scheduled.id}）`);

    // Days already covered were settled when they were set: editing a note or adding elsewhere is not refused again.
    const later = { from: addDays(today, 40), to: addDays(today, 41), note: '' };
    await blackouts([{ ...repair, note: '礼堂屋顶维修' }, festival, later]).expect(200);
    expect(await q(notified)).toHaveLength(messages.length);

    await request(t.http).post(`/api/orders/${scheduled.id}/actions/cancel`).set(bearer(manager)).send({ reason: '礼堂维修' }).expect(200);
    await blackouts([]).expect(200);
  });

  it('tells the managers when their hall closes, and the providers whose orders there are not finished yet', async () => {
    const hallId = manager.me.scopes.halls[0].id;
    const project = await publishedProjectFor(t, provider, cityReviewer, manager, '关闭通知测试木偶戏');
    const delivered = await acceptedOrder(t, { manager, provider }, project.id, hallId, 2);
    (await heldService(t, { manager, provider }, delivered, { reservationCodes: [], headCount: 60 })).mockRestore();
    const hall = (await request(t.http).post(`/api/admin/halls/${hallId}/close`).set(bearer(admin)).send({ reason: '并入邻村礼堂' }).expect(200)).body as AdminHallDto;

    const messages = await q<{ user_id: number; title: string; body: string; link: string | null }>("SELECT * FROM notifications WHERE kind = 'hall.closed' AND body LIKE ? ORDER BY id", ['%并入邻村礼堂%']);
    const managerIds = hall.managers.map((m) => m.id);
    const toManagers = messages.filter((m) => m.link === null);
    expect(toManagers.map((m) => Number(m.user_id)).sort()).toEqual([...managerIds].sort());
    expect(toManagers[0]).toMatchObject({ title: '礼堂已关闭', body: expect.stringContaining(`${hall.name}已被关闭，原因：并入邻村礼堂`) });
    const toProvider = messages.filter((m) => m.link !== null);
    const memberIds = (await q<{ user_id: number }>('SELECT user_id FROM provider_members WHERE provider_id = ?', [delivered.provider.id])).map((r) => Number(r.user_id));
    expect(toProvider.map((m) => Number(m.user_id)).sort()).toEqual(memberIds.sort());
    expect(toProvider[0]).toMatchObject({ link: `pages/order/index?id=${delivered.id}`, body: expect.stringContaining('「关闭通知测试木偶戏」点单尚未了结') });
    // The order carries on: officials have no transition for it.
    expect((await q<{ status: string }>('SELECT status FROM orders WHERE id = ?', [delivered.id]))[0].status).toBe('completed');

    await request(t.http).post(`/api/orders/${delivered.id}/actions/confirm`).set(bearer(manager)).send({}).expect(200);
    await request(t.http).post(`/api/admin/halls/${hallId}/reopen`).set(bearer(admin)).send({}).expect(200);
  });

  it('assigns and removes a hall manager; the role comes and goes with the halls', async () => {
    const villager = await t.login('villager');
    expect(villager.me.roles).not.toContain('hall_manager');
    const added = (await request(t.http).post(`/api/admin/halls/${countyHallId}/managers`).set(bearer(countyReviewer)).send({ userId: villager.me.id }).expect(200)).body as AdminHallDto;
    expect(added.managers).toContainEqual({ id: villager.me.id, nickname: villager.me.nickname });
    const me = (await request(t.http).get('/api/me').set(bearer(villager)).expect(200)).body as MeResponse;
    expect(me.roles).toContain('hall_manager');
    expect(me.scopes.halls.map((h) => h.id)).toEqual([countyHallId]);
    // Adding again changes nothing and records nothing.
    await request(t.http).post(`/api/admin/halls/${countyHallId}/managers`).set(bearer(countyReviewer)).send({ userId: villager.me.id }).expect(200);
    expect(await count("SELECT COUNT(*) n FROM admin_changes WHERE object_id = ? AND action = 'add_manager'", [String(countyHallId)])).toBe(1);

    const removed = (await request(t.http).delete(`/api/admin/halls/${countyHallId}/managers/${villager.me.id}`).set(bearer(countyReviewer)).expect(200)).body as AdminHallDto;
    expect(removed.managers.map((m) => m.id)).not.toContain(villager.me.id);
    expect(((await request(t.http).get('/api/me').set(bearer(villager)).expect(200)).body as MeResponse).roles).not.toContain('hall_manager');
    await request(t.http).delete(`/api/admin/halls/${countyHallId}/managers/${villager.me.id}`).set(bearer(countyReviewer)).expect(404);
  });

  describe('bulk import', () => {
    interface Village {
      code: string;
      name: string;
    }
    let freeVillages: Village[];
    let updatedHall: HallDto;
    let good: HallImportRowInput[];

    beforeAll(async () => {
      // Villages of the county with no hall yet and a name no other village of the county has.
      freeVillages = await q<Village>(
        `SELECT v.code, v.name FROM regions v WHERE v.level = 'village' AND v.code LIKE ?
           AND NOT EXISTS (SELECT 1 FROM halls h WHERE h.village_code = v.code)
           AND (SELECT COUNT(*) FROM regions w WHERE w.level = 'village' AND w.code LIKE ? AND w.name = v.name) = 1
         ORDER BY v.code LIMIT 6`,
        [`${COUNTY}%`, `${COUNTY}%`],
      );
      expect(freeVillages).toHaveLength(6);
      updatedHall = (await request(t.http).get(`/api/halls/${countyHallId}`).expect(200)).body as HallDto;
      good = [
        { '村/社区代码': freeVillages[0].code, 礼堂名称: `${freeVillages[0].name}文化礼堂`, 地址: '村委会旁', 座位数: 180, 设施: '舞台、音响', 星级: 4, 年度点单额度: 10 },
        { 区县: '瑞安市', '村/社区': freeVillages[1].name, 礼堂名称: `${freeVillages[1].name}文化礼堂`, 座位数: 120, 纬度: 27.78, 经度: 120.63 },
        { 礼堂编号: countyHallId, 座位数: updatedHall.seats + 20, 年度点单额度: 24 },
      ];
    });

    it('previews every row of a file with good and bad rows, writes nothing, and confirms only what the admin chooses', async () => {
      const file = await hallImportXlsx([
        ...good,
        { '村/社区代码': '330381999999', 礼堂名称: '不存在村礼堂', 座位数: 100 },
        { '村/社区代码': freeVillages[2].code, 礼堂名称: '坏数字礼堂', 座位数: 'abc' },
        good[0],
        { '村/社区代码': freeVillages[3].code, 座位数: 100 },
        { 区县: '乐清市', '村/社区代码': freeVillages[4].code, 礼堂名称: '错县礼堂', 座位数: 100 },
      ]);
      const hallsBefore = await count('SELECT COUNT(*) n FROM halls');
      const changesBefore = await count('SELECT COUNT(*) n FROM admin_changes');

      const preview = (await upload(admin, file, '瑞安礼堂.xlsx').expect(201)).body as HallImportDto;
      expect(preview).toMatchObject({ status: 'previewed', fileName: '瑞安礼堂.xlsx', counts: { total: 8, create: 2, update: 1, unchanged: 0, error: 5 } });
      const rows = new Map<number, HallImportRowDto>(preview.rows.items.map((r) => [r.line, r]));
      expect([...rows.keys()]).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
      expect(rows.get(2)).toMatchObject({ result: 'create', villageCode: freeVillages[0].code, errors: [] });
      expect(rows.get(3)).toMatchObject({ result: 'create', villageCode: freeVillages[1].code, villagePath: expect.stringContaining(freeVillages[1].name) });
      expect(rows.get(4)).toMatchObject({ result: 'update', hallId: countyHallId, writtenHallId: null });
      expect(rows.get(4)!.changes).toEqual([
        { field: 'seats', label: '座位数', from: updatedHall.seats, to: updatedHall.seats + 20 },
        { field: 'annualQuota', label: '年度点单额度', from: updatedHall.annualQuota, to: 24 },
      ]);
      expect(rows.get(5)!.errors).toEqual(['找不到村/社区代码「330381999999」']);
      expect(rows.get(6)!.errors).toEqual(['座位数「abc」不是有效数字']);
      expect(rows.get(7)!.errors).toEqual(['与第 2 行重复（同一座礼堂）']);
      expect(rows.get(8)!.errors).toEqual(['缺少礼堂名称']);
      expect(rows.get(9)!.errors[0]).toMatch(/^村\/社区代码「\d{12}」（.+）不在「乐清市」$/);
      const errorsOnly = (await request(t.http).get(`/api/admin/hall-imports/${preview.id}?result=error`).set(bearer(admin)).expect(200)).body as HallImportDto;
      expect(errorsOnly.rows.items.map((r) => r.line)).toEqual([5, 6, 7, 8, 9]);
      expect(await count('SELECT COUNT(*) n FROM halls')).toBe(hallsBefore);
      expect(await count('SELECT COUNT(*) n FROM admin_changes')).toBe(changesBefore);

      const refused = await confirm(admin, preview.id).expect(409);
      expect(refused.body).toMatchObject({ code: ErrorCode.ImportHasErrors, message: expect.stringContaining('有 5 行存在错误') });
      expect(await count('SELECT COUNT(*) n FROM halls')).toBe(hallsBefore);
      await confirm(countyReviewer, preview.id, 'skip-errors').expect(403);

      const done = (await confirm(admin, preview.id, 'skip-errors').expect(200)).body as HallImportDto;
      expect(done).toMatchObject({ status: 'confirmed', mode: 'skip-errors' });
      expect(await count('SELECT COUNT(*) n FROM halls')).toBe(hallsBefore + 2);
      const created = await q<{ name: string; seats: number; facilities: string; star_level: number; annual_quota: number; quota_year: number }>(
        'SELECT * FROM halls WHERE village_code = ?',
        [freeVillages[0].code],
      );
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({ name: `${freeVillages[0].name}文化礼堂`, seats: 180, star_level: 4, annual_quota: 10, quota_year: year });
      expect(JSON.parse(created[0].facilities)).toEqual(['stage', 'sound']);
      // Each written row names its hall: the one it created, or the one it updated; skipped rows none.
      const written = new Map(done.rows.items.map((r) => [r.line, r.writtenHallId]));
      const createdIds = await q<{ id: number; village_code: string }>('SELECT id, village_code FROM halls WHERE village_code IN (?, ?)', [freeVillages[0].code, freeVillages[1].code]);
      expect(written.get(2)).toBe(Number(createdIds.find((h) => h.village_code === freeVillages[0].code)!.id));
      expect(written.get(3)).toBe(Number(createdIds.find((h) => h.village_code === freeVillages[1].code)!.id));
      expect(written.get(4)).toBe(countyHallId);
      expect([5, 6, 7, 8, 9].map((line) => written.get(line))).toEqual([null, null, null, null, null]);
      expect(await hallRow(countyHallId)).toMatchObject({ seats: updatedHall.seats + 20, annual_quota: 24 });
      const actions = await q<{ action: string }>('SELECT action FROM admin_changes WHERE id > (SELECT COALESCE(MAX(id), 0) FROM admin_changes) - 4 ORDER BY id');
      expect(actions.map((a) => a.action)).toEqual(['import_create', 'import_create', 'import_update', 'confirm']);

      // A retry of the confirmation (lost response) answers the same and writes nothing more.
      await confirm(admin, preview.id, 'skip-errors').expect(200);
      expect(await count('SELECT COUNT(*) n FROM halls')).toBe(hallsBefore + 2);
    });

    it('changes nothing when the same rows, or an export of the county, are imported again', async () => {
      const snapshot = async () => JSON.stringify(await q('SELECT * FROM halls ORDER BY id'));
      const halls = await snapshot();
      const changes = await count('SELECT COUNT(*) n FROM admin_changes');

      const again = (await upload(admin, await hallImportXlsx(good)).expect(201)).body as HallImportDto;
      expect(again.counts).toEqual({ total: 3, create: 0, update: 0, unchanged: 3, error: 0 });
      await confirm(admin, again.id).expect(200);

      const exported = await request(t.http).get(`/api/admin/halls/export.xlsx?region=${COUNTY}`).set(bearer(countyReviewer)).buffer(true).parse(binary).expect(200);
      expect(exported.headers['content-disposition']).toContain("filename*=UTF-8''");
      const roundTrip = (await upload(countyReviewer, exported.body as Buffer, 'export.xlsx').expect(201)).body as HallImportDto;
      const inCounty = await count("SELECT COUNT(*) n FROM halls WHERE village_code LIKE ? AND active = 1", [`${COUNTY}%`]);
      expect(roundTrip.counts).toEqual({ total: inCounty, create: 0, update: 0, unchanged: inCounty, error: 0 });
      await confirm(countyReviewer, roundTrip.id).expect(200);

      const csv = await request(t.http).get(`/api/admin/halls/export.csv?region=${COUNTY}`).set(bearer(countyReviewer)).buffer(true).parse(binary).expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const fromCsv = (await upload(countyReviewer, csv.body as Buffer, 'export.csv').expect(201)).body as HallImportDto;
      expect(fromCsv.counts).toMatchObject({ total: inCounty, unchanged: inCounty });

      expect(await snapshot()).toBe(halls);
      expect(await count('SELECT COUNT(*) n FROM admin_changes')).toBe(changes);
    });

    it('writes in one transaction: a row that collides at write time undoes the rows written before it', async () => {
      const [first, second] = [freeVillages[4], freeVillages[5]];
      const file = hallImportCsv([
        { '村/社区代码': first.code, 礼堂名称: '事务测试一号礼堂', 座位数: 90 },
        { '村/社区代码': second.code, 礼堂名称: '事务测试二号礼堂', 座位数: 90 },
      ]);
      const preview = (await upload(admin, file, 'halls.csv').expect(201)).body as HallImportDto;
      expect(preview.counts).toMatchObject({ create: 2, error: 0 });
      // Someone else adds the second hall between preview and confirmation.
      await request(t.http).post('/api/halls').set(bearer(cityReviewer)).send({ name: '事务测试二号礼堂', villageCode: second.code, seats: 50 }).expect(201);
      const hallsBefore = await count('SELECT COUNT(*) n FROM halls');
      const changesBefore = await count('SELECT COUNT(*) n FROM admin_changes');

      const failed = await confirm(admin, preview.id).expect(409);
      expect(failed.body.message).toContain('写入第 3 行时');
      expect(failed.body.message).toContain('全部撤销');
      expect(await count('SELECT COUNT(*) n FROM halls')).toBe(hallsBefore);
      expect(await count('SELECT COUNT(*) n FROM halls WHERE name = ?', ['事务测试一号礼堂'])).toBe(0);
      expect(await count('SELECT COUNT(*) n FROM admin_changes')).toBe(changesBefore);
      expect((await q<{ status: string }>('SELECT status FROM hall_imports WHERE id = ?', [preview.id]))[0].status).toBe('previewed');

      // An update whose hall was edited after the preview is refused the same way.
      const hall = (await request(t.http).get(`/api/halls/${countyHallId}`).expect(200)).body as HallDto;
      const stale = (await upload(admin, await hallImportXlsx([{ 礼堂编号: countyHallId, 座位数: hall.seats + 1 }])).expect(201)).body as HallImportDto;
      await request(t.http).put(`/api/halls/${countyHallId}`).set(bearer(admin)).send({ name: hall.name, villageCode: hall.villageCode, seats: hall.seats + 5, annualQuota: hall.annualQuota }).expect(200);
      expect((await confirm(admin, stale.id).expect(409)).body.code).toBe(ErrorCode.StaleState);
      expect((await hallRow(countyHallId)).seats).toBe(hall.seats + 5);
    });

    it('lists past imports newest first with who, when, the file, counts and mode: every one for an admin, their own for a reviewer', async () => {
      const all = (await request(t.http).get('/api/admin/hall-imports?pageSize=100').set(bearer(admin)).expect(200)).body as Paged<HallImportSummaryDto>;
      const stored = await q<{ id: number; created_by: number }>('SELECT id, created_by FROM hall_imports ORDER BY id DESC');
      expect(all.total).toBe(stored.length);
      expect(all.items.map((i) => i.id)).toEqual(stored.map((r) => Number(r.id)));
      const first = all.items.find((i) => i.fileName === '瑞安礼堂.xlsx')!;
      expect(first).toMatchObject({
        status: 'confirmed',
        mode: 'skip-errors',
        createdBy: { id: admin.me.id, nickname: admin.me.nickname },
        counts: { total: 8, create: 2, update: 1, unchanged: 0, error: 5 },
        confirmedAt: expect.any(String),
      });
      expect(first).not.toHaveProperty('rows');
      expect(all.items.some((i) => i.createdBy?.id === countyReviewer.me.id)).toBe(true);

      const own = (await request(t.http).get('/api/admin/hall-imports?pageSize=100').set(bearer(countyReviewer)).expect(200)).body as Paged<HallImportSummaryDto>;
      expect(own.total).toBe(stored.filter((r) => Number(r.created_by) === countyReviewer.me.id).length);
      expect(own.items.every((i) => i.createdBy?.id === countyReviewer.me.id)).toBe(true);

      const page2 = (await request(t.http).get('/api/admin/hall-imports?page=2&pageSize=1').set(bearer(admin)).expect(200)).body as Paged<HallImportSummaryDto>;
      expect(page2).toMatchObject({ total: all.total, page: 2, pageSize: 1, items: [{ id: all.items[1].id }] });
      await request(t.http).get('/api/admin/hall-imports').set(bearer(manager)).expect(403);
      await request(t.http).get('/api/admin/hall-imports').expect(401);
    });

    it('explains files it cannot read', async () => {
      const xls = await upload(admin, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls').expect(400);
      expect(xls.body.message).toContain('.xls');
      const noColumns = await upload(admin, hallImportCsv([{ 礼堂名称: '只有名称' }], ['礼堂名称']), 'x.csv').expect(400);
      expect(noColumns.body.message).toContain('缺少：座位数、村/社区代码（或「区县」和「村/社区」）');
      const noFile = await request(t.http).post('/api/admin/hall-imports').set(bearer(admin)).send({}).expect(400);
      expect(noFile.body.message).toContain('请选择要导入的');
      const template = await request(t.http).get('/api/admin/hall-imports/template.xlsx').set(bearer(admin)).buffer(true).parse(binary).expect(200);
      const empty = await upload(admin, template.body as Buffer, 'template.xlsx').expect(400);
      expect(empty.body.message).toBe('文件里只有列名，没有礼堂数据');
      await request(t.http).post('/api/admin/hall-imports').set(bearer(manager)).attach('file', hallImportCsv([]), 'x.csv').expect(403);
    });
  });
});

/** supertest parser that keeps a binary response as a Buffer. */
function binary(res: request.Response, done: (err: Error | null, body: unknown) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
