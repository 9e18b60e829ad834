import { ErrorCode, type HistoryEntryDto, type LoginResponse, type MenuItemDto, type Paged, type ProjectContent, type ProjectDetailDto, type ProjectDto, type ReviewQueueItemDto } from '@hall-menu/shared';
import request from 'supertest';
import { beijingToday, daysBetween, isoWeekday } from '../src/common/time';
import { DatabaseService } from '../src/database/database.service';
import { bearer, startTestApp, type TestApp } from './test-app';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082',
  'hex',
);

/** A date `days` from today (Beijing) that falls on ISO weekday `weekday`, at or after that distance. */
function dateOnWeekday(minDaysAhead: number, weekday: number): string {
  const today = beijingToday();
  for (let d = minDaysAhead; d < minDaysAhead + 7; d++) {
    const date = new Date(Date.parse(`${today}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
    if (isoWeekday(date) === weekday) return date;
  }
  throw new Error('unreachable');
}

describe('service projects: declaration, review, menu (MySQL)', () => {
  let t: TestApp;
  let db: DatabaseService;
  let provider: LoginResponse;
  let cityReviewer: LoginResponse;
  let countyReviewer: LoginResponse;
  let villager: LoginResponse;
  let content: ProjectContent;

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_MAX_BYTES: '20000', UPLOAD_DIR: `/tmp/hall-menu-test-uploads-${process.env.JEST_WORKER_ID ?? 1}` });
    db = t.app.get(DatabaseService);
    provider = await t.login('provider');
    villager = await t.login('villager');
    const reviewers: { user_id: number; region_code: string }[] = await db.manager.query(
      "SELECT user_id, region_code FROM user_roles WHERE role = 'reviewer' ORDER BY LENGTH(region_code)",
    );
    cityReviewer = await t.login('reviewer', Number(reviewers[0].user_id));
    countyReviewer = await t.login('reviewer', Number(reviewers[reviewers.length - 1].user_id));
    const area: { region_code: string }[] = await db.manager.query('SELECT region_code FROM provider_areas WHERE provider_id = ?', [
      provider.me.scopes.provider!.id,
    ]);
    content = {
      category: 'performance',
      title: '测试越剧团送戏下乡专场',
      description: '精选越剧经典折子戏五出，配字幕，适合喜爱戏曲的中老年观众，演出后与观众交流。',
      photos: [],
      durationMinutes: 120,
      audienceMin: 50,
      audienceMax: 400,
      targetAudience: 'elderly',
      requirements: '需要舞台和动力电',
      serviceArea: area.map((a) => a.region_code),
      weekdays: [6],
      timeWindows: [{ start: '14:00', end: '17:00' }],
      leadDays: 7,
      blackoutDates: [],
      cost: 'free',
      costNote: '',
    };
  });
  afterAll(() => t.close());

  const as = (login: LoginResponse) => bearer(login);
  const act = (login: LoginResponse, id: number, event: string, reason?: string) =>
    request(t.http).post(`/api/projects/${id}/actions/${event}`).set(as(login)).send(reason === undefined ? {} : { reason });
  const historyCount = async (id: number) => Number((await db.manager.query("SELECT COUNT(*) n FROM transition_history WHERE entity_type = 'project' AND entity_id = ?", [id]))[0].n);
  const menu = async (query: string) => (await request(t.http).get(`/api/menu?${query}`).expect(200)).body as Paged<MenuItemDto>;

  async function createPublished(overrides: Partial<ProjectContent> = {}): Promise<ProjectDto> {
    const created = (await request(t.http).post('/api/projects').set(as(provider)).send({ ...content, ...overrides }).expect(201)).body as ProjectDto;
    await act(provider, created.id, 'submit').expect(200);
    return (await act(cityReviewer, created.id, 'approve').expect(200)).body as ProjectDto;
  }

  it('takes a project from draft through rejection and resubmission to the menu, keeping every decision', async () => {
    const draft = (await request(t.http).post('/api/projects').set(as(provider)).send(content).expect(201)).body as ProjectDto;
    expect(draft).toMatchObject({ status: 'draft', editable: true, provider: { id: provider.me.scopes.provider!.id } });
    expect(draft.allowedActions).toEqual(['submit', 'archive']);

    const submitted = (await act(provider, draft.id, 'submit').expect(200)).body as ProjectDto;
    expect(submitted.status).toBe('pending_review');
    expect(submitted.allowedActions).toEqual([]);

    const queue = (await request(t.http).get('/api/reviews/queue?pageSize=100').set(as(cityReviewer)).expect(200)).body as Paged<ReviewQueueItemDto>;
    expect(queue.items.some((i) => i.projectId === draft.id && i.kind === 'project')).toBe(true);
    const times = queue.items.map((i) => i.submittedAt);
    expect([...times].sort()).toEqual(times);

    const noReason = await act(cityReviewer, draft.id, 'reject').expect(400);
    expect(noReason.body).toMatchObject({ code: ErrorCode.ReasonRequired, message: '请填写原因' });
    expect((await request(t.http).get(`/api/projects/${draft.id}`).set(as(provider)).expect(200)).body.status).toBe('pending_review');

    await act(cityReviewer, draft.id, 'reject', '请补充演员人数').expect(200);
    const edited = (await request(t.http).put(`/api/projects/${draft.id}`).set(as(provider)).send({ ...content, description: `${content.description}演员十二人。` }).expect(200)).body as ProjectDto;
    expect(edited.status).toBe('rejected');
    await act(provider, draft.id, 'resubmit').expect(200);
    const published = (await act(cityReviewer, draft.id, 'approve').expect(200)).body as ProjectDto;
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();

    const history = (await request(t.http).get(`/api/projects/${draft.id}/history`).set(as(provider)).expect(200)).body as HistoryEntryDto[];
    expect(history.map((h) => h.event)).toEqual(['create', 'submit', 'reject', 'resubmit', 'approve']);
    const rejection = history.find((h) => h.event === 'reject')!;
    expect(rejection).toMatchObject({ reason: '请补充演员人数', actorRole: 'reviewer', actorName: cityReviewer.me.nickname });

    const found = await menu(`keyword=${encodeURIComponent('测试越剧团')}&category=performance`);
    expect(found.items.map((i) => i.id)).toContain(draft.id);
  });

  it('refuses to submit for an organisation that is not verified', async () => {
    const admin = await t.login('admin');
    const providerId = provider.me.scopes.provider!.id;
    const draft = (await request(t.http).post('/api/projects').set(as(provider)).send(content).expect(201)).body as ProjectDto;
    await request(t.http).post(`/api/providers/${providerId}/verification`).set(as(admin)).send({ verification: 'unverified' }).expect(200);
    try {
      const refused = await act(provider, draft.id, 'submit').expect(403);
      expect(refused.body.code).toBe(ErrorCode.Forbidden);
      expect(refused.body.message).toContain('认证');
      expect((await request(t.http).get(`/api/projects/${draft.id}`).set(as(provider)).expect(200)).body.status).toBe('draft');
    } finally {
      await request(t.http).post(`/api/providers/${providerId}/verification`).set(as(admin)).send({ verification: 'verified' }).expect(200);
    }
  });

  it('keeps review inside the reviewer region', async () => {
    const cityWide = provider.me.scopes.provider!; // a project covering an area outside the county reviewer's region
    const otherCounty: { code: string }[] = await db.manager.query("SELECT code FROM regions WHERE level = 'county' AND code <> ? ORDER BY code LIMIT 1", [
      countyReviewer.me.scopes.region!.code,
    ]);
    const draft = (await request(t.http).post('/api/projects').set(as(provider)).send({ ...content, serviceArea: [otherCounty[0].code] }).expect(201)).body as ProjectDto;
    await act(provider, draft.id, 'submit').expect(200);
    expect(cityWide.id).toBeGreaterThan(0);

    const refused = await act(countyReviewer, draft.id, 'approve').expect(403);
    expect(refused.body.code).toBe(ErrorCode.OutOfScope);
    const countyQueue = (await request(t.http).get('/api/reviews/queue?pageSize=100').set(as(countyReviewer)).expect(200)).body as Paged<ReviewQueueItemDto>;
    expect(countyQueue.items.some((i) => i.projectId === draft.id)).toBe(false);
    for (const item of countyQueue.items) {
      expect(item.serviceArea.every((code) => code.startsWith(countyReviewer.me.scopes.region!.code))).toBe(true);
    }
    await request(t.http).get('/api/reviews/queue').set(as(provider)).expect(403);
  });

  it('answers an illegal transition with a clear conflict and changes nothing', async () => {
    const published = await createPublished();
    const before = await historyCount(published.id);
    const res = await act(cityReviewer, published.id, 'approve').expect(409);
    expect(res.body).toMatchObject({ code: ErrorCode.InvalidTransition, message: '当前状态下不能进行此操作' });
    expect(res.body.details).toMatchObject({ state: 'published', event: 'approve' });
    expect(res.body.details.allowed).toEqual(['suspend']);
    expect(await historyCount(published.id)).toBe(before);
    await request(t.http).post(`/api/projects/${published.id}/actions/fly`).set(as(provider)).send({}).expect(400);
  });

  it('keeps the published version on the menu while an edit is reviewed, then replaces it', async () => {
    const published = await createPublished({ title: '原版标题锣鼓专场' });
    const pending = (await request(t.http).put(`/api/projects/${published.id}`).set(as(provider)).send({ ...content, title: '修改后标题锣鼓专场' }).expect(200)).body as ProjectDto;
    expect(pending).toMatchObject({ status: 'published', title: '原版标题锣鼓专场', revision: 1 });
    expect(pending.pendingRevision).toMatchObject({ status: 'pending_review', content: { title: '修改后标题锣鼓专场' }, allowedActions: ['withdraw'] });
    const asReviewer = (await request(t.http).get(`/api/projects/${published.id}`).set(as(cityReviewer)).expect(200)).body as ProjectDto;
    expect(asReviewer.pendingRevision?.allowedActions).toEqual(['approve', 'reject']);

    expect((await menu(`keyword=${encodeURIComponent('锣鼓专场')}`)).items.filter((i) => i.id === published.id).map((i) => i.title)).toEqual(['原版标题锣鼓专场']);
    const publicView = (await request(t.http).get(`/api/projects/${published.id}`).set(as(villager)).expect(200)).body as ProjectDetailDto;
    expect(publicView.title).toBe('原版标题锣鼓专场');
    expect(publicView.pendingRevision).toBeNull();

    const queue = (await request(t.http).get('/api/reviews/queue?kind=revision&pageSize=100').set(as(cityReviewer)).expect(200)).body as Paged<ReviewQueueItemDto>;
    const item = queue.items.find((i) => i.projectId === published.id)!;
    expect(item).toMatchObject({ kind: 'revision', title: '修改后标题锣鼓专场' });

    await request(t.http).post(`/api/projects/${published.id}/revisions/${item.revisionId}/reject`).set(as(cityReviewer)).send({}).expect(400);
    const approved = (await request(t.http).post(`/api/projects/${published.id}/revisions/${item.revisionId}/approve`).set(as(cityReviewer)).send({}).expect(200)).body as ProjectDto;
    expect(approved).toMatchObject({ status: 'published', title: '修改后标题锣鼓专场', revision: 2, pendingRevision: null });
    expect((await menu(`keyword=${encodeURIComponent('锣鼓专场')}`)).items.filter((i) => i.id === published.id).map((i) => i.title)).toEqual(['修改后标题锣鼓专场']);
    const history = (await request(t.http).get(`/api/projects/${published.id}/history`).set(as(cityReviewer)).expect(200)).body as HistoryEntryDto[];
    expect(history.map((h) => h.event)).toEqual(expect.arrayContaining(['revision_create', 'revision_approve', 'approve_revision']));
  });

  it('suspends with a reason, lists it for reviewers and takes it off the menu', async () => {
    const published = await createPublished({ title: '将被暂停的讲座项目' });
    await act(cityReviewer, published.id, 'suspend').expect(400);
    await act(cityReviewer, published.id, 'suspend', '多个礼堂反映迟到').expect(200);
    const suspended = (await request(t.http).get('/api/reviews/suspended?pageSize=100').set(as(cityReviewer)).expect(200)).body as Paged<ProjectDto>;
    expect(suspended.items.map((p) => p.id)).toContain(published.id);
    expect((await menu(`keyword=${encodeURIComponent('将被暂停')}`)).total).toBe(0);
  });

  it('shows unpublished projects only to their provider and reviewers, and guards other organisations', async () => {
    const draft = (await request(t.http).post('/api/projects').set(as(provider)).send(content).expect(201)).body as ProjectDto;
    await request(t.http).get(`/api/projects/${draft.id}`).set(as(villager)).expect(404);
    await request(t.http).get(`/api/projects/${draft.id}`).expect(404);
    const otherMemberId: { user_id: number }[] = await db.manager.query(
      "SELECT m.user_id FROM provider_members m WHERE m.provider_id <> ? ORDER BY m.user_id LIMIT 1",
      [provider.me.scopes.provider!.id],
    );
    const other = await t.login('provider', Number(otherMemberId[0].user_id));
    await request(t.http).get(`/api/projects/${draft.id}`).set(as(other)).expect(404);
    expect((await request(t.http).put(`/api/projects/${draft.id}`).set(as(other)).send(content).expect(403)).body.code).toBe(ErrorCode.OutOfScope);
    expect((await act(other, draft.id, 'submit').expect(403)).body.code).toBe(ErrorCode.OutOfScope);
    expect((await request(t.http).post('/api/projects').set(as(villager)).send(content).expect(403)).body.code).toBe(ErrorCode.Forbidden);
  });

  it('validates the declaration with messages a provider can act on', async () => {
    const res = await request(t.http)
      .post('/api/projects')
      .set(as(provider))
      .send({ ...content, title: '戏', audienceMin: 300, audienceMax: 100, timeWindows: [{ start: '18:00', end: '09:00' }], cost: 'subsidised' })
      .expect(400);
    const fields = (res.body.details.fields as { field: string; message: string }[]).map((f) => `${f.field}: ${f.message}`);
    expect(fields).toEqual(
      expect.arrayContaining(['title: 项目名称至少 4 个字', 'timeWindows.0.end: 结束时间要晚于开始时间']),
    );
    const unknownArea = await request(t.http).post('/api/projects').set(as(provider)).send({ ...content, serviceArea: ['330399'] }).expect(400);
    expect(unknownArea.body.details.fields[0].field).toBe('serviceArea');
  });

  it('filters the menu by a hall: only projects whose service area covers its village', async () => {
    const hall: { id: number; village_code: string }[] = await db.manager.query('SELECT id, village_code FROM halls ORDER BY id LIMIT 1');
    const village = hall[0].village_code;
    const page = await menu(`hallId=${hall[0].id}&pageSize=100`);
    expect(page.total).toBeGreaterThan(0);
    const ids = page.items.map((i) => i.id);
    const areas: { project_id: number; region_code: string }[] = await db.manager.query(
      `SELECT project_id, region_code FROM project_areas WHERE project_id IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
    for (const id of ids) expect(areas.some((a) => Number(a.project_id) === id && village.startsWith(a.region_code))).toBe(true);
    const [{ n }] = await db.manager.query(
      "SELECT COUNT(*) n FROM service_projects p WHERE p.status = 'published' AND EXISTS (SELECT 1 FROM project_areas a WHERE a.project_id = p.id AND ? LIKE CONCAT(a.region_code, '%'))",
      [village],
    );
    expect(page.total).toBe(Number(n));
  });

  it('filters the menu by date: weekday, lead time and blackout dates', async () => {
    const saturdayFar = dateOnWeekday(14, 6);
    const blackedOut = dateOnWeekday(21, 6);
    const saturdaySoon = dateOnWeekday(0, 6);
    const project = await createPublished({ title: '周六专场日期过滤测试', weekdays: [6], leadDays: 7, blackoutDates: [{ from: blackedOut, to: blackedOut }] });
    const kw = `keyword=${encodeURIComponent('日期过滤测试')}`;
    expect((await menu(`${kw}&date=${saturdayFar}`)).items.map((i) => i.id)).toEqual([project.id]);
    expect((await menu(`${kw}&date=${dateOnWeekday(14, 3)}`)).total).toBe(0);
    expect((await menu(`${kw}&date=${blackedOut}`)).total).toBe(0);
    expect(daysBetween(beijingToday(), saturdaySoon)).toBeLessThan(7);
    expect((await menu(`${kw}&date=${saturdaySoon}`)).total).toBe(0);
    expect((await request(t.http).get('/api/menu?date=2026-13-40').expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
  });

  it('searches Chinese text in titles and descriptions', async () => {
    const page = await menu(`keyword=${encodeURIComponent('越剧')}&pageSize=100`);
    expect(page.total).toBeGreaterThan(1);
    const rows: { title: string; description: string }[] = await db.manager.query(
      `SELECT title, description FROM service_projects WHERE id IN (${page.items.map(() => '?').join(',')})`,
      page.items.map((i) => i.id),
    );
    for (const row of rows) expect(`${row.title}${row.description}`).toContain('越剧');
  });

  it('pages stably under every sort: no project twice, none missing', async () => {
    for (const sort of ['newest', 'rating', 'popular']) {
      const first = await menu(`sort=${sort}&pageSize=13&category=performance`);
      const seen: number[] = [];
      for (let page = 1; page <= Math.ceil(first.total / 13); page++) seen.push(...(await menu(`sort=${sort}&pageSize=13&category=performance&page=${page}`)).items.map((i) => i.id));
      expect(seen).toHaveLength(first.total);
      expect(new Set(seen).size).toBe(first.total);
    }
  });

  it('recommends projects for a hall with the matching scorer, paging without repeats', async () => {
    expect((await request(t.http).get('/api/menu?sort=recommended').expect(400)).body.details.fields[0].field).toBe('hallId');
    const [hall] = await db.manager.query('SELECT id FROM halls ORDER BY id LIMIT 1');
    const covering = await menu(`hallId=${hall.id}&pageSize=100`);
    const first = await menu(`hallId=${hall.id}&sort=recommended&pageSize=10`);
    expect(first.total).toBe(covering.total);
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(first.total / 10); page++) seen.push(...(await menu(`hallId=${hall.id}&sort=recommended&pageSize=10&page=${page}`)).items.map((i) => i.id));
    expect(new Set(seen).size).toBe(first.total);
    expect([...seen].sort((a, b) => a - b)).toEqual(covering.items.map((i) => i.id).sort((a, b) => a - b));
  });

  it('accepts photos by content and size, not by name', async () => {
    const ok = await request(t.http).post('/api/uploads').set(as(provider)).attach('file', PNG, { filename: 'stage.png', contentType: 'image/png' }).expect(201);
    expect(ok.body).toMatchObject({ contentType: 'image/png', bytes: PNG.length });
    expect(ok.body.url).toMatch(/^\/uploads\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.png$/);
    const served = await request(t.http).get(ok.body.url).expect(200);
    expect(served.headers['content-type']).toBe('image/png');

    const fake = await request(t.http).post('/api/uploads').set(as(provider)).attach('file', Buffer.from('MZ not an image at all'), { filename: 'photo.png', contentType: 'image/png' }).expect(400);
    expect(fake.body.message).toContain('只能上传');
    const big = Buffer.concat([PNG, Buffer.alloc(30_000)]);
    const tooBig = await request(t.http).post('/api/uploads').set(as(provider)).attach('file', big, { filename: 'big.png', contentType: 'image/png' }).expect(400);
    expect(tooBig.body.message).toContain('MB');
    await request(t.http).post('/api/uploads').attach('file', PNG, 'a.png').expect(401);

    const withPhoto = (await request(t.http).post('/api/projects').set(as(provider)).send({ ...content, photos: [ok.body.url] }).expect(201)).body as ProjectDto;
    expect(withPhoto.photos).toEqual([ok.body.url]);
  });
});
