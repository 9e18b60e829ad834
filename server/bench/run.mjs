#!/usr/bin/env node
// `npm run bench`: the production build on MariaDB/MySQL under autocannon, next to the ceilings it can't beat:
// a bare node:http server answering a fixed JSON body, and a raw mysql2 guarded-UPDATE loop on the same table the
// reservations use. Prints req/s, p50 and p99 of each, the ratios, and writes bench-results.json at the repo root.
// The statistics scenario then loads 200,000 orders (with their events, answers, ratings and needs) and times the
// city's 社会评价, printing the EXPLAIN of every statement behind it. BENCH_ONLY=http or BENCH_ONLY=stats runs one part.
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const EXTRA_PROJECTS = Number(process.env.BENCH_EXTRA_PROJECTS ?? 50000);
const STATS_ORDERS = Number(process.env.BENCH_STATS_ORDERS ?? 200000);
const STATS_REQUESTS = Number(process.env.BENCH_STATS_REQUESTS ?? 20);
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const wants = (part) => ONLY.length === 0 || ONLY.includes(part);
/** The server build to run; another build (e.g. one made elsewhere while the shared dist is mid-change) with BENCH_SERVER_MAIN. */
const SERVER_MAIN = process.env.BENCH_SERVER_MAIN ?? path.join(root, 'server/dist/main.js');
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const dbUrl = new URL(process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test');
dbUrl.pathname = '/hallmenu_bench';

const results = [];
function record(name, r, note = '') {
  const row = { name, reqPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, note };
  results.push(row);
  console.log(`${name.padEnd(34)} ${String(row.reqPerSec).padStart(7)} req/s   p50 ${String(row.p50).padStart(4)} ms   p99 ${String(row.p99).padStart(4)} ms   non-2xx ${row.non2xx}${note ? `   ${note}` : ''}`);
  return row;
}
const run = (opts) => autocannon({ duration: DURATION, connections: CONNECTIONS, ...opts });

async function recreateDatabase() {
  const admin = await mysql.createConnection({ uri: Object.assign(new URL(dbUrl), { pathname: '/' }).toString() });
  await admin.query('DROP DATABASE IF EXISTS hallmenu_bench');
  await admin.query('CREATE DATABASE hallmenu_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  await admin.end();
}

async function startServer(port) {
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbUrl.toString(), DEMO_MODE: 'true', SEED_DEMO_DATA: 'true', SEED_DEMO_HISTORY: 'false', JWT_SECRET: SECRET, LOG_LEVEL: 'error', JOB_INTERVAL_SECONDS: '0' };
  const child = spawn(process.execPath, [SERVER_MAIN], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('server did not start');
}

/** Copies of the demo projects (as published) so the menu is searched over a realistic number of rows. */
async function addProjects(db, count) {
  const [templates] = await db.query("SELECT * FROM service_projects WHERE status = 'published'");
  const [areas] = await db.query('SELECT project_id, region_code FROM project_areas');
  const areaOf = new Map();
  for (const a of areas) areaOf.set(a.project_id, [...(areaOf.get(a.project_id) ?? []), a.region_code]);
  const columns = Object.keys(templates[0]).filter((c) => c !== 'id');
  for (let done = 0; done < count; ) {
    const batch = templates.slice(0, Math.min(templates.length, count - done)).map((t, i) => columns.map((c) => (c === 'title' ? `${t.title}·${done + i}` : t[c])));
    const [res] = await db.query(`INSERT INTO service_projects (${columns.join(',')}) VALUES ?`, [batch]);
    const rows = [];
    batch.forEach((_, i) => {
      for (const code of areaOf.get(templates[i].id) ?? []) rows.push([res.insertId + i, code]);
    });
    if (rows.length) await db.query('INSERT INTO project_areas (project_id, region_code) VALUES ?', [rows]);
    done += batch.length;
  }
}

async function tokensFor(db, count) {
  const tokens = [];
  for (let i = 0; i < count; i++) {
    const [u] = await db.query('INSERT INTO users (nickname, disabled) VALUES (?, 0)', [`压测村民${i}`]);
    await db.query("INSERT INTO user_roles (user_id, role) VALUES (?, 'villager')", [u.insertId]);
    const [s] = await db.query('INSERT INTO auth_sessions (user_id) VALUES (?)', [u.insertId]);
    tokens.push(jwt.sign({ sub: u.insertId, sid: s.insertId }, SECRET, { expiresIn: 3600 }));
  }
  return tokens;
}

/** The HTTP scenarios under autocannon, each next to its ceiling. */
async function httpScenarios(base, db) {
  // Ceiling 1: the fastest answer this machine's HTTP stack gives.
  const body = JSON.stringify({ status: 'ok' });
  const bare = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  await new Promise((r) => bare.listen(0, '127.0.0.1', r));
  const ceiling = record('ceiling: bare node:http', await run({ url: `http://127.0.0.1:${bare.address().port}/` }));
  bare.close();

  const health = record('GET /api/health (framework + SELECT 1)', await run({ url: `${base}/api/health` }));
  const menu = record('menu: newest, page 1', await run({ url: `${base}/api/menu?page=1&pageSize=20` }));
  const [[hall]] = await db.query('SELECT id FROM halls ORDER BY id LIMIT 1');
  const filtered = record(
    'menu: hall + category + keyword',
    await run({ url: `${base}/api/menu?hallId=${hall.id}&category=performance&keyword=${encodeURIComponent('越剧')}&page=1&pageSize=20` }),
  );

  const login = await (await fetch(`${base}/api/auth/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'hall_manager' }) })).json();
  const orders = record('manager: order list', await run({ url: `${base}/api/orders/hall?page=1&pageSize=20`, headers: { authorization: `Bearer ${login.tokens.accessToken}` } }));

  // Matching: suggestions for one need, timed one request at a time (the figure a manager waits for).
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const later = new Date(Date.now() + 38 * 86_400_000).toISOString().slice(0, 10);
  const managedHall = login.me.scopes.halls[0].id;
  const need = await (
    await fetch(`${base}/api/needs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.tokens.accessToken}` },
      body: JSON.stringify({ hallId: managedHall, category: 'performance', title: '压测需求：想看一场戏', periodFrom: today, periodTo: later, expectedAudience: 100 }),
    })
  ).json();
  const timings = [];
  for (let i = 0; i < Number(process.env.BENCH_SUGGESTIONS ?? 100); i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/needs/${need.id}/suggestions`, { headers: { authorization: `Bearer ${login.tokens.accessToken}` } });
    await res.arrayBuffer();
    timings.push(performance.now() - t0);
  }
  timings.sort((a, b) => a - b);
  const suggestions = {
    name: 'suggestions for a need (sequential)',
    reqPerSec: Math.round(1000 / (timings.reduce((a, b) => a + b, 0) / timings.length)),
    p50: Math.round(timings[Math.floor(timings.length * 0.5)]),
    p95: Math.round(timings[Math.floor(timings.length * 0.95)]),
    p99: Math.round(timings[Math.floor(timings.length * 0.99)]),
    errors: 0,
    non2xx: 0,
    note: `${timings.length} requests, one at a time`,
  };
  results.push(suggestions);
  console.log(`${suggestions.name.padEnd(34)} p50 ${suggestions.p50} ms   p95 ${suggestions.p95} ms   (${suggestions.note})`);

  // Reservations under contention: everyone reserves one seat of the same event.
  const [[project]] = await db.query("SELECT id, provider_id FROM service_projects WHERE status = 'published' ORDER BY id LIMIT 1");
  const [order] = await db.query(
    "INSERT INTO orders (project_id, hall_id, provider_id, ordered_by, idempotency_key, status, windows, expected_audience, notes, answer_deadline, quota_year) VALUES (?, ?, ?, 1, 'bench-order-0001', 'accepted', '[]', 100, '', NOW(), 2026)",
    [project.id, hall.id, project.provider_id],
  );
  const [evRow] = await db.query(
    "INSERT INTO hall_events (order_id, hall_id, project_id, title, category, starts_at, ends_at, seats, seats_reserved, max_seats_per_person, walk_ins, attendance_closed, status) VALUES (?, ?, ?, '压测活动', 'performance', NOW() + INTERVAL 30 DAY, NOW() + INTERVAL 30 DAY + INTERVAL 2 HOUR, 100000000, 0, 3, 0, 0, 'scheduled')",
    [order.insertId, hall.id, project.id],
  );
  const tokens = await tokensFor(db, Number(process.env.BENCH_VILLAGERS ?? 10000));
  let next = 0;
  const reserve = record(
    'reserve a seat (same event)',
    await run({
      url: `${base}/api/events/${evRow.insertId}/reservations`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seats: 1 }),
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` } }) }],
    }),
    'distinct villagers, one event',
  );

  // Ceiling 2: the same guarded UPDATE, straight from mysql2, as fast as the pool allows.
  const until = Date.now() + DURATION * 1000;
  const latencies = [];
  const worker = async () => {
    while (Date.now() < until) {
      const t0 = performance.now();
      await db.query('UPDATE hall_events SET seats_reserved = seats_reserved + 1 WHERE id = ? AND seats_reserved + 1 <= seats', [evRow.insertId]);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  latencies.sort((a, b) => a - b);
  const raw = record('ceiling: raw mysql2 guarded UPDATE', {
    requests: { average: latencies.length / DURATION },
    latency: { p50: Math.round(latencies[Math.floor(latencies.length / 2)]), p99: Math.round(latencies[Math.floor(latencies.length * 0.99)]) },
    errors: 0,
    non2xx: 0,
  });

  const ratios = {
    'health / bare http': health.reqPerSec / ceiling.reqPerSec,
    'menu / bare http': menu.reqPerSec / ceiling.reqPerSec,
    'filtered menu / bare http': filtered.reqPerSec / ceiling.reqPerSec,
    'order list / bare http': orders.reqPerSec / ceiling.reqPerSec,
    'reservation / raw guarded UPDATE': reserve.reqPerSec / raw.reqPerSec,
  };
  console.log('\nratios');
  for (const [k, v] of Object.entries(ratios)) console.log(`  ${k.padEnd(34)} ${v.toFixed(3)}`);
  return ratios;
}

/** A small deterministic PRNG (mulberry32), so every run loads the same orders. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How orders end up, roughly as a busy year would leave them. */
const STATE_MIX = [
  ['confirmed', 0.7], ['cancelled', 0.05], ['declined', 0.05], ['expired', 0.05], ['accepted', 0.05], ['completed', 0.03],
  ['pending', 0.03], ['proposed', 0.01], ['in_service', 0.01], ['no_show', 0.01], ['disputed', 0.01],
];
const SCHEDULED = new Set(['confirmed', 'accepted', 'completed', 'in_service', 'no_show', 'disputed']);
const HEAD_COUNTED = new Set(['confirmed', 'completed', 'disputed']);

/**
 * `count` orders over 2026 (1 January to 20 November, Beijing) at every hall, for published projects, with the event of
 * every scheduled one, the provider's first answer in the history, 0–3 villager ratings per held service, and needs.
 * Batched multi-row INSERTs; ids come back consecutive from each batch (one writer).
 */
async function addStatsWorld(db, count) {
  const random = mulberry32(20261123);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const state = () => {
    let x = random();
    for (const [name, share] of STATE_MIX) if ((x -= share) < 0) return name;
    return 'confirmed';
  };
  const [halls] = await db.query('SELECT id FROM halls');
  const [projects] = await db.query("SELECT id, provider_id, category FROM service_projects WHERE status = 'published' ORDER BY id LIMIT 1000");
  const [raters] = await db.query('SELECT id FROM users ORDER BY id LIMIT 3');
  await db.query('UPDATE providers SET team_size = 1 + id % 8');
  const start = Date.parse('2026-01-01T00:00:00+08:00');
  const span = Date.parse('2026-11-20T00:00:00+08:00') - start;
  const HOUR = 3_600_000;
  const fmt = (ms) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
  const loadedAt = Date.parse('2026-11-22T00:00:00+08:00');
  const t0 = performance.now();
  let events = 0, answers = 0, ratings = 0;
  for (let done = 0; done < count; ) {
    const size = Math.min(5000, count - done);
    const batch = Array.from({ length: size }, (_, i) => {
      const project = pick(projects);
      let status = state();
      const created = start + Math.floor(random() * span);
      const answered = !['pending', 'expired'].includes(status) && !(status === 'cancelled' && random() < 0.5);
      const answerAt = created + Math.floor((0.5 + random() * 71.5) * HOUR);
      let scheduled = SCHEDULED.has(status) ? created + Math.floor((3 + random() * 40) * 24 * HOUR) : null;
      // A service still ahead can only be accepted (or proposed): nothing held, confirmed or rated yet.
      if (scheduled !== null && scheduled > loadedAt && status !== 'accepted') status = 'accepted';
      const hours = 1 + Math.floor(random() * 5) / 2;
      return { project, hall: pick(halls).id, status, created, answered, answerAt, scheduled, hours, key: `bench-stats-${done + i}` };
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
  await db.query('INSERT INTO needs (hall_id, created_by, category, title, period_from, period_to, expected_audience, status, created_at) VALUES ?', [needs]);
  await db.query('ANALYZE TABLE orders, hall_events, event_ratings, transition_history, needs');
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`stats data: ${count} orders, ${events} events, ${answers} answers, ${ratings} ratings, ${needs.length} needs (${seconds} s)`);
  return { orders: count, events, answers, ratings, needs: needs.length };
}

/** Times `path` one request at a time, `n` times after one cold request. */
async function timeSequential(base, path, signIn, n) {
  const token = typeof signIn === 'string' ? signIn : await signIn();
  const once = async () => {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return performance.now() - t0;
  };
  const cold = await once();
  const timings = [];
  for (let i = 0; i < n; i++) timings.push(await once());
  timings.sort((a, b) => a - b);
  const at = (q) => Math.round(timings[Math.min(timings.length - 1, Math.floor(timings.length * q))]);
  return { cold: Math.round(cold), p50: at(0.5), p95: at(0.95), max: Math.round(timings[timings.length - 1]) };
}

/**
 * 社会评价 for the whole city over 200,000 orders (and a county, a quarter, the downloads), one request at a time: the
 * figure an official waits for. Then EXPLAIN of each statement the service runs (from the build: stats-queries.js).
 */
async function statsScenario(base, db) {
  const data = await addStatsWorld(db, STATS_ORDERS);
  // A fresh token per round: on a busy machine the rounds outlast an access token.
  const signIn = async () =>
    (await (await fetch(`${base}/api/auth/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'reviewer' }) })).json()).tokens.accessToken;
  const token = await signIn();
  const year = 'from=2026-01-01&to=2026-12-31';
  // The first request after the bulk load builds the monthly rollups from scratch (the job would, on a live server).
  const t0 = performance.now();
  const first = await fetch(`${base}/api/stats?regionCode=3303&${year}`, { headers: { authorization: `Bearer ${token}` } });
  if (!first.ok) throw new Error(`stats: ${first.status} ${await first.text()}`);
  const figures = await first.json();
  const buildMs = Math.round(performance.now() - t0);
  const [[{ t: busiestTownship }]] = await db.query('SELECT SUBSTR(village_code, 1, 9) t FROM halls GROUP BY t ORDER BY COUNT(*) DESC, t LIMIT 1');
  console.log(`first request (builds the rollups): ${buildMs} ms; ${figures.ordersPlaced} orders placed, ${figures.servicesDelivered} services, median answer ${figures.medianResponseHours} h`);
  const timings = {
    'city, whole year': await timeSequential(base, `/api/stats?regionCode=3303&${year}`, signIn, STATS_REQUESTS),
    'city, one quarter': await timeSequential(base, '/api/stats?regionCode=3303&from=2026-07-01&to=2026-09-30', signIn, STATS_REQUESTS),
    'city, Jan 5 – Nov 23': await timeSequential(base, '/api/stats?regionCode=3303&from=2026-01-05&to=2026-11-23', signIn, STATS_REQUESTS),
    'township, whole year': await timeSequential(base, `/api/stats?regionCode=${busiestTownship}&${year}`, signIn, STATS_REQUESTS),
    'county, whole year': await timeSequential(base, `/api/stats?regionCode=330381&${year}`, signIn, STATS_REQUESTS),
    'city report (text)': await timeSequential(base, `/api/stats/report?regionCode=3303&${year}`, signIn, 5),
    'city report.docx': await timeSequential(base, `/api/stats/report.docx?regionCode=3303&${year}`, signIn, 5),
    'city export.xlsx': await timeSequential(base, `/api/stats/export.xlsx?regionCode=3303&${year}`, signIn, 5),
    'city ranking of halls': await timeSequential(base, '/api/rankings?year=2026&kind=hall&regionCode=3303', signIn, 5),
  };
  console.log('\nstatistics (sequential requests, ms)');
  for (const [name, t] of Object.entries(timings)) console.log(`  ${name.padEnd(24)} cold ${String(t.cold).padStart(5)}   p50 ${String(t.p50).padStart(5)}   p95 ${String(t.p95).padStart(5)}   max ${String(t.max).padStart(5)}`);

  const queries = createRequire(import.meta.url)(path.join(path.dirname(SERVER_MAIN), 'modules/stats/stats-queries.js'));
  const yearParams = ['3303%', new Date('2025-12-31T16:00:00Z'), new Date('2026-12-31T16:00:00Z')];
  const statements = [
    ...Object.entries(queries.periodSql('mysql')).map(([name, sql]) => [
      name,
      sql,
      name.startsWith('rollup') ? ['3303%', '2026-01', '2026-12'] : name === 'answeredMiddle' ? [...yearParams, 2, Math.floor((data.answers - 1) / 2)] : yearParams,
    ]),
    // The days around whole months (here 1–23 November) come from the source rows.
    ...Object.entries(queries.rawSql('mysql', 6)).map(([name, sql]) => [`raw ${name}`, sql, ['3303%', new Date('2026-10-31T16:00:00Z'), new Date('2026-11-23T16:00:00Z')]]),
  ];
  const explain = {};
  console.log('\nEXPLAIN (city: whole months of 2026 from the rollups, 1–23 November from the source rows)');
  for (const [name, sql, params] of statements) {
    const [rows] = await db.query(`EXPLAIN ${sql}`, params);
    explain[name] = rows.map((r) => ({ table: r.table, type: r.type, key: r.key, rows: r.rows, extra: r.Extra }));
    console.log(`  ${name}`);
    for (const r of explain[name]) console.log(`    ${String(r.table).padEnd(14)} ${String(r.type).padEnd(7)} ${String(r.key ?? '—').padEnd(36)} rows ${String(r.rows).padStart(7)}  ${r.extra ?? ''}`);
  }
  const [[rollupRows]] = await db.query('SELECT (SELECT COUNT(*) FROM stats_order_states) states, (SELECT COUNT(*) FROM stats_category_months) categories, (SELECT COUNT(*) FROM stats_answer_times) answers');
  console.log(`rollup rows: ${rollupRows.states} order states, ${rollupRows.categories} category months, ${rollupRows.answers} answer times`);
  return { data, firstRequestMs: buildMs, rollupRows, timings, explain };
}

async function main() {
  console.log(`hall-menu bench: ${os.cpus().length} × ${os.cpus()[0].model}, node ${process.version}, ${DURATION}s per run, ${CONNECTIONS} connections`);
  await recreateDatabase();
  const port = 3900 + Math.floor(Math.random() * 50);
  const server = await startServer(port);
  const base = `http://127.0.0.1:${port}`;
  const db = await mysql.createPool({ uri: dbUrl.toString(), connectionLimit: CONNECTIONS });
  try {
    await addProjects(db, EXTRA_PROJECTS);
    const [[{ n: published }]] = await db.query("SELECT COUNT(*) n FROM service_projects WHERE status = 'published'");
    console.log(`data: ${published} published projects, 300 halls, 3,685 villages\n`);

    const ratios = wants('http') ? await httpScenarios(base, db) : {};
    const stats = wants('stats') ? await statsScenario(base, db) : null;
    const out = path.join(root, 'bench-results.json');
    writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0].model, node: process.version }, durationSeconds: DURATION, connections: CONNECTIONS, results, ratios, stats }, null, 2));
    console.log(`\nwritten to ${out}`);
  } finally {
    await db.end();
    server.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
