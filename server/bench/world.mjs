// The bench's city: on top of the demo data, a hall in every village of 温州 (then second halls, in village-code order) up
// to BENCH_HALLS, providers up to BENCH_PROVIDERS, published projects up to BENCH_PROJECTS spread over them, and
// BENCH_ORDERS orders over the year with their events, answers, ratings and needs. Deterministic: the same counts
// always give the same rows (the demo plan's seeded PRNG, no clock). Batched multi-row INSERTs; the ids of one batch come back
// consecutive (one writer).
import { createRequire } from 'node:module';
import path from 'node:path';

const fmt = (ms) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');

async function insertBatches(db, sql, rows, size = 2000) {
  let firstId = null;
  for (let i = 0; i < rows.length; i += size) {
    const [res] = await db.query(sql, [rows.slice(i, i + size)]);
    firstId ??= res.insertId;
  }
  return firstId;
}

/**
 * Halls: first one in every village (行政村 and 社区) that has none, then second halls (「…第二文化礼堂」, the
 * 自然村 halls many villages have) in village-code order until `total`.
 */
async function addHalls(db, total, demoPlan) {
  const random = demoPlan.mulberry32(5000);
  const [villages] = await db.query("SELECT v.code, v.name, v.parent_code township, t.name township_name, c.name county_name FROM regions v JOIN regions t ON t.code = v.parent_code JOIN regions c ON c.code = t.parent_code WHERE v.level = 'village' ORDER BY v.code");
  const [[{ n: existing }]] = await db.query('SELECT COUNT(*) n FROM halls');
  const [taken] = await db.query('SELECT DISTINCT village_code FROM halls');
  const hasHall = new Set(taken.map((r) => r.village_code));
  const year = Number((await db.query('SELECT MAX(quota_year) y FROM halls'))[0][0].y);
  const hall = (v, name) => {
    const place = demoPlan.locate(v.code);
    const facilities = ['stage', 'screen', 'sound', 'power', 'lighting', 'parking'].filter((f) => f === 'power' || random() < 0.6);
    const township = v.township_name.includes('直辖') ? '' : v.township_name;
    return [name, v.code, `${v.county_name}${township}${v.name}`, place.latitude, place.longitude, (8 + Math.floor(random() * 53)) * 10, JSON.stringify(facilities), 6 + Math.floor(random() * 19), year, 1 + Math.floor(random() * 5)];
  };
  const rows = villages.filter((v) => !hasHall.has(v.code)).map((v) => hall(v, `${v.name}文化礼堂`));
  for (let i = 0; existing + rows.length < total && i < villages.length; i++) rows.push(hall(villages[i], `${villages[i].name}第二文化礼堂`));
  await insertBatches(db, 'INSERT INTO halls (name, village_code, address, latitude, longitude, seats, facilities, annual_quota, quota_year, star_level) VALUES ?', rows);
  return existing + rows.length;
}

const KINDS = [
  ['art_troupe', ['越剧团', '鼓词艺术团', '农民艺术团', '民乐团', '歌舞团']],
  ['volunteer_team', ['文化志愿服务队', '文艺轻骑兵', '义工文艺队']],
  ['lecturer_group', ['百姓宣讲团', '理论宣讲团', '法治宣讲队']],
  ['social_organisation', ['书画协会', '摄影协会', '非遗传承协会']],
  ['university_team', ['“新青年下乡”实践队']],
  ['individual_artist', ['民间艺人工作室']],
  ['culture_centre', ['文化分馆']],
];

/** Providers up to `total`, each serving its county (one in twenty the whole city), named after the county and kind. */
async function addProviders(db, total, demoPlan) {
  const random = demoPlan.mulberry32(2000);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const [counties] = await db.query("SELECT code, name FROM regions WHERE level = 'county' ORDER BY code");
  const [[{ n: existing }]] = await db.query('SELECT COUNT(*) n FROM providers');
  const plan = [];
  for (let i = existing; i < total; i++) {
    const county = counties[i % counties.length];
    const [kind, names] = KINDS[i % KINDS.length];
    const city = random() < 0.05;
    plan.push({
      row: [`${county.name}${pick(names)}${Math.floor(i / counties.length) + 1}号`, kind, '压测服务方：常年送文化进礼堂。', `${pick(demoPlan.SURNAMES)}${pick(demoPlan.GIVEN_NAMES)}`,
        `${pick(demoPlan.MOBILE_PREFIXES)}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`, random() < 0.9 ? 'verified' : 'unverified', 1 + Math.floor(random() * 3), 1 + Math.floor(random() * 8)],
      area: city ? '3303' : county.code,
    });
  }
  const firstId = await insertBatches(db, 'INSERT INTO providers (name, kind, description, contact_name, contact_phone, verification, team_count, team_size) VALUES ?', plan.map((p) => p.row));
  if (plan.length) await insertBatches(db, 'INSERT INTO provider_areas (provider_id, region_code) VALUES ?', plan.map((p, i) => [firstId + i, p.area]));
  return existing + plan.length;
}

/**
 * Published projects up to `total`: copies of the demo's published projects (their texts, categories and windows),
 * each given to one of the providers in turn and offered where that provider serves; published over the past year,
 * with the order counts and ratings a year of use leaves.
 */
async function addProjects(db, total, demoPlan) {
  const random = demoPlan.mulberry32(50000);
  const [templates] = await db.query("SELECT * FROM service_projects WHERE status = 'published' ORDER BY id");
  const [[{ n: existing }]] = await db.query("SELECT COUNT(*) n FROM service_projects WHERE status = 'published'");
  const [providerAreas] = await db.query('SELECT provider_id, region_code FROM provider_areas ORDER BY provider_id, region_code');
  const areasOf = new Map();
  for (const a of providerAreas) areasOf.set(a.provider_id, [...(areasOf.get(a.provider_id) ?? []), a.region_code]);
  const providers = [...areasOf.keys()];
  const columns = Object.keys(templates[0]).filter((c) => c !== 'id');
  const yearAgo = Date.parse('2025-11-23T00:00:00+08:00');
  const span = Date.parse('2026-11-20T00:00:00+08:00') - yearAgo;
  for (let done = 0; done < total - existing; ) {
    const size = Math.min(2000, total - existing - done);
    const batch = Array.from({ length: size }, (_, j) => {
      const n = done + j;
      const t = templates[n % templates.length];
      const providerId = providers[(n * 7919) % providers.length];
      const published = fmt(yearAgo + Math.floor(random() * span));
      const rated = random() < 0.6;
      const values = {
        ...t,
        provider_id: providerId,
        title: `${t.title}·${n}`,
        published_at: published,
        submitted_at: published,
        created_at: published,
        updated_at: published,
        order_count: Math.floor(random() * 30),
        rating_count: rated ? 1 + Math.floor(random() * 40) : 0,
        rating_average: rated ? Math.round((3 + random() * 2) * 100) / 100 : null,
      };
      return { providerId, row: columns.map((c) => values[c]) };
    });
    const [res] = await db.query(`INSERT INTO service_projects (${columns.join(',')}) VALUES ?`, [batch.map((b) => b.row)]);
    const areas = batch.flatMap((b, j) => areasOf.get(b.providerId).map((code) => [res.insertId + j, code]));
    await db.query('INSERT INTO project_areas (project_id, region_code) VALUES ?', [areas]);
    done += size;
  }
  return total;
}

/** How orders end up, roughly as a busy year would leave them. */
const STATE_MIX = [
  ['confirmed', 0.7], ['cancelled', 0.05], ['declined', 0.05], ['expired', 0.05], ['accepted', 0.05], ['completed', 0.03],
  ['pending', 0.03], ['proposed', 0.01], ['in_service', 0.01], ['no_show', 0.01], ['disputed', 0.01],
];
const SCHEDULED = new Set(['confirmed', 'accepted', 'completed', 'in_service', 'no_show', 'disputed']);
const HEAD_COUNTED = new Set(['confirmed', 'completed', 'disputed']);

/**
 * `count` orders over 2026 (1 January to 20 November, Beijing) at every hall, for every published project, with the
 * event of every scheduled one, the provider's first answer in the history, 0–3 villager ratings per held service,
 * and one need per forty orders.
 */
async function addOrders(db, count, demoPlan) {
  const random = demoPlan.mulberry32(20261123);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const state = () => {
    let x = random();
    for (const [name, share] of STATE_MIX) if ((x -= share) < 0) return name;
    return 'confirmed';
  };
  const [halls] = await db.query('SELECT id FROM halls ORDER BY id');
  const [projects] = await db.query("SELECT id, provider_id, category FROM service_projects WHERE status = 'published' ORDER BY id");
  const [raters] = await db.query('SELECT id FROM users ORDER BY id LIMIT 3');
  const start = Date.parse('2026-01-01T00:00:00+08:00');
  const span = Date.parse('2026-11-20T00:00:00+08:00') - start;
  const HOUR = 3_600_000;
  const loadedAt = Date.parse('2026-11-22T00:00:00+08:00');
  let events = 0, answers = 0, ratings = 0;
  for (let done = 0; done < count; ) {
    const size = Math.min(5000, count - done);
    const batch = Array.from({ length: size }, (_, i) => {
      const project = pick(projects);
      let status = state();
      const created = start + Math.floor(random() * span);
      const answered = !['pending', 'expired'].includes(status) && !(status === 'cancelled' && random() < 0.5);
      const answerAt = created + Math.floor((0.5 + random() * 71.5) * HOUR);
      const scheduled = SCHEDULED.has(status) ? created + Math.floor((3 + random() * 40) * 24 * HOUR) : null;
      // A service still ahead can only be accepted (or proposed): nothing held, confirmed or rated yet.
      if (scheduled !== null && scheduled > loadedAt && status !== 'accepted') status = 'accepted';
      const hours = 1 + Math.floor(random() * 5) / 2;
      return { project, hall: pick(halls).id, status, created, answered, answerAt, scheduled, hours, key: `bench-order-${done + i}` };
    });
    const [res] = await db.query(
      `INSERT INTO orders (project_id, hall_id, provider_id, ordered_by, idempotency_key, status, windows, expected_audience, notes, scheduled_start, scheduled_end,
         answer_deadline, head_count, quota_year, quota_returned, created_at, updated_at) VALUES ?`,
      [batch.map((o) => [o.project.id, o.hall, o.project.provider_id, raters[0].id, o.key, o.status, '[]', 100, '',
        o.scheduled && fmt(o.scheduled), o.scheduled && fmt(o.scheduled + o.hours * HOUR), fmt(o.created + 72 * HOUR),
        HEAD_COUNTED.has(o.status) ? 20 + Math.floor(random() * 280) : null, 2026, 0, fmt(o.created), fmt(o.created)])],
    );
    batch.forEach((o, i) => (o.id = res.insertId + i));
    const answered = batch.filter((o) => o.answered);
    if (answered.length) {
      await db.query('INSERT INTO transition_history (entity_type, entity_id, from_state, to_state, event, actor_role, created_at) VALUES ?', [
        answered.map((o) => {
          const event = o.status === 'declined' ? 'decline' : o.status === 'proposed' ? 'propose' : 'accept';
          return ['order', o.id, 'pending', { accept: 'accepted', decline: 'declined', propose: 'proposed' }[event], event, 'provider', fmt(o.answerAt)];
        }),
      ]);
      answers += answered.length;
    }
    const held = batch.filter((o) => o.scheduled);
    if (held.length) {
      const [ev] = await db.query(
        'INSERT INTO hall_events (order_id, hall_id, project_id, title, category, starts_at, ends_at, seats, seats_reserved, max_seats_per_person, walk_ins, attendance_closed, status) VALUES ?',
        [held.map((o) => [o.id, o.hall, o.project.id, '压测活动', o.project.category, fmt(o.scheduled), fmt(o.scheduled + o.hours * HOUR), 200, 0, 3, 0, 0, 'scheduled'])],
      );
      const rows = [];
      held.forEach((o, i) => {
        if (o.status !== 'confirmed') return;
        const n = Math.floor(random() * 4);
        // Given the day after the event: history, not changes the statistics have yet to take in.
        const given = fmt(o.scheduled + 24 * HOUR);
        for (let r = 0; r < n; r++) rows.push([ev.insertId + i, o.project.id, raters[r].id, 1 + Math.floor(random() * 5) === 1 ? 2 : 3 + Math.floor(random() * 3), '', 0, given, given]);
      });
      if (rows.length) await db.query('INSERT INTO event_ratings (event_id, project_id, user_id, stars, text, hidden, created_at, updated_at) VALUES ?', [rows]);
      events += held.length;
      ratings += rows.length;
    }
    done += size;
  }
  const needs = Array.from({ length: Math.round(count / 40) }, () => {
    const created = start + Math.floor(random() * span);
    return [pick(halls).id, raters[0].id, pick(projects).category, '压测需求', '2026-01-01', '2026-12-31', 80, pick(['open', 'expired', 'matched', 'closed']), fmt(created)];
  });
  await insertBatches(db, 'INSERT INTO needs (hall_id, created_by, category, title, period_from, period_to, expected_audience, status, created_at) VALUES ?', needs);
  return { orders: count, events, answers, ratings, needs: needs.length };
}

/**
 * Builds the whole city on top of the demo data the server seeded. `serverMain` locates the build, whose demo plan
 * gives the same hall locations and names the demo uses.
 */
export async function buildWorld(db, serverMain, sizes) {
  const demoPlan = createRequire(import.meta.url)(path.join(path.dirname(serverMain), 'database/seed/demo-plan.js'));
  const t0 = performance.now();
  const halls = await addHalls(db, sizes.halls, demoPlan);
  const providers = await addProviders(db, sizes.providers, demoPlan);
  const projects = await addProjects(db, sizes.projects, demoPlan);
  const orders = await addOrders(db, sizes.orders, demoPlan);
  await db.query('ANALYZE TABLE halls, providers, provider_areas, service_projects, project_areas, orders, hall_events, event_ratings, transition_history, needs');
  const [[{ villages }]] = await db.query('SELECT COUNT(DISTINCT village_code) villages FROM halls');
  const [[{ all: allVillages }]] = await db.query("SELECT COUNT(*) `all` FROM regions WHERE level = 'village'");
  const world = { halls, villagesWithHall: villages, villages: allVillages, providers, publishedProjects: projects, ...orders, seconds: Math.round((performance.now() - t0) / 1000) };
  console.log(
    `data: ${halls} halls in ${villages} of ${allVillages} villages, ${providers} providers, ${projects} published projects, ${orders.orders} orders ` +
      `(${orders.events} events, ${orders.answers} answers, ${orders.ratings} ratings, ${orders.needs} needs), built in ${world.seconds} s`,
  );
  return world;
}
