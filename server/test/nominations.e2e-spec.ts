import { ErrorCode, type HistoryEntryDto, type InboxDto, type LoginResponse, type MenuItemDto, type NominationDto, type Paged } from '@hall-menu/shared';
import request from 'supertest';
import { DatabaseService } from '../src/database/database.service';
import { bearer, startTestApp, type TestApp } from './test-app';

const COUNTY = '330381';

describe('村晚 nominations (MySQL)', () => {
  let t: TestApp;
  let reviewer: LoginResponse;
  let provider: LoginResponse;
  let hall: { id: number; villageCode: string };
  let db: DatabaseService;

  const programme = (title: string, extra: Record<string, unknown>) => ({
    galaName: '2026年塘下镇鲍田村村晚',
    title,
    description: '鲍田村老年协会自编自演的温州鼓词表演唱，讲述村里修路造桥的新变化，曲调欢快。',
    category: 'performance',
    performers: '陈阿婆、林大伯等八位村民',
    sourceVillageCode: hall.villageCode,
    sourceHallId: hall.id,
    photos: ['/uploads/2026/11/gala-1.jpg'],
    durationMinutes: 20,
    ...extra,
  });
  const menuHas = async (title: string) => ((await request(t.http).get(`/api/menu?keyword=${encodeURIComponent(title)}`).expect(200)).body as Paged<MenuItemDto>).items;

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    db = t.app.get(DatabaseService);
    reviewer = await t.login('reviewer', (await db.manager.query("SELECT user_id FROM user_roles WHERE role = 'reviewer' AND region_code = ?", [COUNTY]))[0].user_id);
    provider = await t.login('provider');
    hall = (await t.login('hall_manager')).me.scopes.halls[0];
    expect(hall.villageCode.startsWith(COUNTY)).toBe(true);
  });
  afterAll(() => t.close());

  it('creates a 村晚 project that reaches the menu only once its provider confirms', async () => {
    const providerId = provider.me.scopes.provider!.id;
    const nominated = (await request(t.http).post('/api/nominations').set(bearer(reviewer)).send(programme('鼓词表演唱《新村路》', { providerId })).expect(201)).body as NominationDto;
    expect(nominated).toMatchObject({
      status: 'nominated',
      galaName: '2026年塘下镇鲍田村村晚',
      performers: '陈阿婆、林大伯等八位村民',
      sourceHall: { id: hall.id },
      project: { title: '鼓词表演唱《新村路》', category: 'performance', status: 'draft', cover: '/uploads/2026/11/gala-1.jpg' },
      provider: { id: providerId, createdForNomination: false },
      nominatedBy: reviewer.me.nickname,
      allowedActions: ['withdraw'],
    });
    expect(nominated.sourceVillage.name).toContain('村');
    const [project] = await db.manager.query('SELECT source, status, provider_id FROM service_projects WHERE id = ?', [nominated.project.id]);
    expect(project).toMatchObject({ source: 'village_gala', status: 'draft', provider_id: providerId });
    expect(await menuHas('新村路')).toEqual([]);
    await request(t.http).get(`/api/projects/${nominated.project.id}`).expect(404);

    // The provider hears of it and sees it among its nominations.
    const inbox = (await request(t.http).get('/api/notifications').set(bearer(provider)).expect(200)).body as InboxDto;
    expect(inbox.items.some((n) => n.title === '您的村晚节目被推荐进服务菜单' && n.body.includes('新村路'))).toBe(true);
    const mine = (await request(t.http).get('/api/nominations/mine').set(bearer(provider)).expect(200)).body as Paged<NominationDto>;
    expect(mine.items.map((n) => [n.id, n.allowedActions])).toEqual([[nominated.id, ['confirm', 'decline']]]);

    await request(t.http).post(`/api/nominations/${nominated.id}/actions/confirm`).set(bearer(reviewer)).send({}).expect(403);
    const confirmed = (await request(t.http).post(`/api/nominations/${nominated.id}/actions/confirm`).set(bearer(provider)).send({}).expect(200)).body as NominationDto;
    expect(confirmed).toMatchObject({ status: 'confirmed', project: { status: 'published' }, allowedActions: [] });
    expect(confirmed.decidedAt).not.toBeNull();
    const [onMenu] = await menuHas('新村路');
    expect(onMenu).toMatchObject({ id: nominated.project.id, source: 'village_gala', provider: { id: providerId } });
    expect((await request(t.http).post(`/api/nominations/${nominated.id}/actions/confirm`).set(bearer(provider)).send({}).expect(409)).body.code).toBe(ErrorCode.InvalidTransition);

    const history = (await request(t.http).get(`/api/projects/${nominated.project.id}/history`).set(bearer(provider)).expect(200)).body as HistoryEntryDto[];
    expect(history.map((h) => [h.event, h.fromState, h.toState, h.actorRole])).toEqual([
      ['create', null, 'draft', 'reviewer'],
      ['confirm_nomination', 'draft', 'published', 'provider'],
    ]);
    const reviewerInbox = (await request(t.http).get('/api/notifications').set(bearer(reviewer)).expect(200)).body as InboxDto;
    expect(reviewerInbox.items[0]).toMatchObject({ title: '村晚节目已确认上架' });
  });

  it('makes a new, unverified provider from the contact, who claims it by signing in with that phone', async () => {
    const nominated = (
      await request(t.http)
        .post('/api/nominations')
        .set(bearer(reviewer))
        .send(programme('渔家号子《开船喽》', { newProvider: { name: '鲍田村文艺队', contactName: '陈秀英', contactPhone: '13912345678' } }))
        .expect(201)
    ).body as NominationDto;
    expect(nominated.provider).toMatchObject({ name: '鲍田村文艺队', kind: 'art_troupe', verified: false, createdForNomination: true, contactName: '陈秀英', contactPhone: '13912345678' });
    const [made] = await db.manager.query('SELECT verification FROM providers WHERE id = ?', [nominated.provider.id]);
    expect(made.verification).toBe('unverified');
    expect((await db.manager.query('SELECT region_code FROM provider_areas WHERE provider_id = ?', [nominated.provider.id])).map((r: { region_code: string }) => r.region_code)).toEqual([COUNTY]);

    const contact = await t.login('villager');
    const stranger = (await db.manager.query("SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'villager' AND u.id <> ? ORDER BY u.id LIMIT 1", [contact.me.id]))[0].id;
    await request(t.http).get(`/api/nominations/${nominated.id}`).set(bearer(contact)).expect(403);
    await db.manager.query('UPDATE users SET phone = ? WHERE id = ?', ['13912345678', contact.me.id]);
    const claimable = (await request(t.http).get('/api/nominations/mine').set(bearer(contact)).expect(200)).body as Paged<NominationDto>;
    expect(claimable.items.map((n) => [n.id, n.allowedActions])).toEqual([[nominated.id, ['confirm', 'decline']]]);
    await request(t.http).get(`/api/nominations/${nominated.id}`).set(bearer(await t.login('villager', stranger))).expect(403);

    expect((await request(t.http).post(`/api/nominations/${nominated.id}/actions/decline`).set(bearer(contact)).send({}).expect(400)).body.code).toBe(ErrorCode.ReasonRequired);
    const declined = (await request(t.http).post(`/api/nominations/${nominated.id}/actions/decline`).set(bearer(contact)).send({ reason: '队员年纪大了，不方便外出演出' }).expect(200)).body as NominationDto;
    expect(declined).toMatchObject({ status: 'declined', reason: '队员年纪大了，不方便外出演出', project: { status: 'archived' } });
    // Deciding made the contact the provider's first member, with the provider role.
    expect(await db.manager.query('SELECT user_id FROM provider_members WHERE provider_id = ?', [nominated.provider.id])).toEqual([{ user_id: contact.me.id }]);
    expect((await db.manager.query("SELECT role FROM user_roles WHERE user_id = ? AND role = 'provider'", [contact.me.id])).length).toBe(1);
    expect(await menuHas('开船喽')).toEqual([]);
  });

  it('lets the reviewer withdraw a waiting nomination, with a reason', async () => {
    const nominated = (await request(t.http).post('/api/nominations').set(bearer(reviewer)).send(programme('舞龙表演《龙腾鲍田》', { providerId: provider.me.scopes.provider!.id })).expect(201)).body as NominationDto;
    expect((await request(t.http).post(`/api/nominations/${nominated.id}/actions/withdraw`).set(bearer(reviewer)).send({}).expect(400)).body.code).toBe(ErrorCode.ReasonRequired);
    await request(t.http).post(`/api/nominations/${nominated.id}/actions/withdraw`).set(bearer(provider)).send({ reason: '不想要了' }).expect(403);
    const withdrawn = (await request(t.http).post(`/api/nominations/${nominated.id}/actions/withdraw`).set(bearer(reviewer)).send({ reason: '节目与已有项目重复' }).expect(200)).body as NominationDto;
    expect(withdrawn).toMatchObject({ status: 'withdrawn', project: { status: 'archived' } });
    const list = (await request(t.http).get('/api/nominations?status=nominated').set(bearer(reviewer)).expect(200)).body as Paged<NominationDto>;
    expect(list.total).toBe(0);
    expect(((await request(t.http).get('/api/nominations').set(bearer(reviewer)).expect(200)).body as Paged<NominationDto>).items.map((n) => n.status)).toEqual(['withdrawn', 'declined', 'confirmed']);
  });

  it('checks what a nomination needs, in words a reviewer can act on', async () => {
    const providerId = provider.me.scopes.provider!.id;
    const both = await request(t.http).post('/api/nominations').set(bearer(reviewer)).send(programme('两边都填的节目', { providerId, newProvider: { name: '某队', contactName: '某人', contactPhone: '13900000000' } })).expect(400);
    expect(both.body.message).toContain('二选一');
    const abusive = await request(t.http).post('/api/nominations').set(bearer(reviewer)).send(programme('含不当用语的节目', { providerId, description: '这段介绍里写了傻逼两个字，应当被拦下，不能进入服务菜单。' })).expect(400);
    expect(abusive.body).toMatchObject({ code: ErrorCode.SensitiveContent, details: { fields: [{ field: 'description' }] } });
    const [elsewhere] = await db.manager.query("SELECT code FROM regions WHERE level = 'village' AND code LIKE '330302%' ORDER BY code LIMIT 1");
    await request(t.http).post('/api/nominations').set(bearer(reviewer)).send(programme('别的县的节目', { providerId, sourceVillageCode: elsewhere.code, sourceHallId: null })).expect(403);
    const [otherVillage] = await db.manager.query("SELECT code FROM regions WHERE level = 'village' AND code LIKE ? AND code <> ? ORDER BY code LIMIT 1", [`${COUNTY}%`, hall.villageCode]);
    const wrongHall = await request(t.http).post('/api/nominations').set(bearer(reviewer)).send(programme('礼堂不在该村', { providerId, sourceVillageCode: otherVillage.code })).expect(400);
    expect(wrongHall.body.message).toBe('所选礼堂不在这个村，请重新选择');
    await request(t.http).post('/api/nominations').set(bearer(provider)).send(programme('服务方不能自己提名', { providerId })).expect(403);
    expect(Number((await db.manager.query("SELECT COUNT(*) n FROM service_projects WHERE source = 'village_gala'"))[0].n)).toBe(3);
  });

  it('answers a retry with the nomination its key already made, and makes another only for a new key', async () => {
    const newTeam = programme('腰鼓《红红火火过大年》', { newProvider: { name: '鲍田村腰鼓队', contactName: '王秀兰', contactPhone: '13912340001' } });
    const send = (key: string) => request(t.http).post('/api/nominations').set(bearer(reviewer)).set('Idempotency-Key', key).send(newTeam);
    const made = async () => ({
      nominations: Number((await db.manager.query("SELECT COUNT(*) n FROM gala_nominations n JOIN providers p ON p.id = n.provider_id WHERE p.name = '鲍田村腰鼓队'"))[0].n),
      projects: Number((await db.manager.query("SELECT COUNT(*) n FROM service_projects WHERE title = '腰鼓《红红火火过大年》'"))[0].n),
      providers: Number((await db.manager.query("SELECT COUNT(*) n FROM providers WHERE name = '鲍田村腰鼓队'"))[0].n),
    });

    const first = (await send('nominate-retry-0001').expect(201)).body as NominationDto;
    const retried = (await send('nominate-retry-0001').expect(201)).body as NominationDto;
    expect(retried).toEqual(first);
    expect(await made()).toEqual({ nominations: 1, projects: 1, providers: 1 });

    // Twins on the wire at once: one wins the unique index, the other's project and new provider roll back.
    const twins = await Promise.all([send('nominate-retry-0002'), send('nominate-retry-0002')]);
    expect(twins.map((r) => r.status)).toEqual([201, 201]);
    expect(twins[0].body).toEqual(twins[1].body);
    expect(twins[0].body.id).not.toBe(first.id);
    expect(await made()).toEqual({ nominations: 2, projects: 2, providers: 2 });

    // The key is the reviewer's own: another reviewer's same key is another nomination.
    const cityReviewer = await t.login('reviewer');
    const theirs = (await request(t.http).post('/api/nominations').set(bearer(cityReviewer)).set('Idempotency-Key', 'nominate-retry-0001').send(newTeam).expect(201)).body as NominationDto;
    expect(theirs.id).not.toBe(first.id);
    expect((await send('short').expect(400)).body.code).toBe(ErrorCode.IdempotencyKeyRequired);
    expect(await made()).toEqual({ nominations: 3, projects: 3, providers: 3 });
  });
});
