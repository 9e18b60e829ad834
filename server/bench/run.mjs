#!/usr/bin/env node
// `npm run bench`: the production build on MariaDB/MySQL under autocannon, next to the ceilings it can't beat:
// a bare node:http server answering a fixed JSON body, and a raw mysql2 guarded-UPDATE loop on the same table the
// reservations use. Prints req/s, p50 and p99 of each, the ratios, and writes bench-results.json at the repo root.
// It runs on a generated city (world.mjs: a hall in every village, 5,000 halls, 2,000 providers, 50,000 published
// projects, 200,000 orders with their events, answers, ratings and needs). The statistics scenario times the
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
import { buildWorld } from './world.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** The city the bench runs on (see world.mjs): every village has a hall; the rest are the issue's sizes. */
const SIZES = {
  halls: Number(process.env.BENCH_HALLS ?? 5000),
  providers: Number(process.env.BENCH_PROVIDERS ?? 2000),
  projects: Number(process.env.BENCH_PROJECTS ?? 50000),
  orders: Number(process.env.BENCH_ORDERS ?? 200000),
};
const STATS_REQUESTS = Number(process.env.BENCH_STATS_REQUESTS ?? 20);
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const wants = (part) => ONLY.length === 0 || ONLY.includes(part);
/** The server build to run; another build (e.g. one made elsewhere while the shared dist is mid-change) with BENCH_SERVER_MAIN. */
const SERVER_MAIN = process.env.BENCH_SERVER_MAIN ?? path.join(root, 'server/dist/main.js');
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const dbUrl = new URL(process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test');
dbUrl.pathname = '/hallmenu_bench';

const results = [];
/**
 * One scenario's figures. req/s counts only the answers wanted (2xx, or 304 for revalidation): a refused request is
 * cheap and must not count as served. Anything else shows as `other`, and a run with any is suspect.
 */
function record(name, r, note = '', wanted = (status) => status >= 200 && status < 300) {
  const statuses = Object.entries(r.statusCodeStats ?? {});
  const served = r.statusCodeStats ? statuses.filter(([code]) => wanted(Number(code))).reduce((n, [, s]) => n + s.count, 0) : r.requests.total;
  const other = r.statusCodeStats ? statuses.filter(([code]) => !wanted(Number(code))).map(([code, s]) => `${code}×${s.count}`).join(' ') : '';
  const seconds = r.duration ?? DURATION;
  const row = { name, reqPerSec: Math.round(served / seconds), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, other, note };
  results.push(row);
  console.log(`${name.padEnd(40)} ${String(row.reqPerSec).padStart(7)} req/s   p50 ${String(row.p50).padStart(4)} ms   p99 ${String(row.p99).padStart(4)} ms   ${row.errors || other ? `   errors ${row.errors} other ${other || '—'}` : ''}${note ? `   ${note}` : ''}`);
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
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbUrl.toString(), DEMO_MODE: 'true', SEED_DEMO_DATA: 'true', SEED_DEMO_HISTORY: 'false', JWT_SECRET: SECRET, LOG_LEVEL: 'error', JOB_INTERVAL_SECONDS: '0',
    // Every simulated villager comes from this one address: per-address limits (sign-in, writes) would refuse them.
    RATE_LIMIT_LOGIN_PER_MINUTE: '0', RATE_LIMIT_WRITES_PER_ADDRESS_PER_MINUTE: '0' };
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

/** `count` villagers with a session each, signed in (tokens as the server would issue them). */
async function tokensFor(db, count) {
  const ids = [];
  for (let i = 0; i < count; i += 2000) {
    const batch = Array.from({ length: Math.min(2000, count - i) }, (_, j) => [`压测村民${i + j}`, 0]);
    const [u] = await db.query('INSERT INTO users (nickname, disabled) VALUES ?', [batch]);
    const users = batch.map((_, j) => u.insertId + j);
    await db.query('INSERT INTO user_roles (user_id, role) VALUES ?', [users.map((id) => [id, 'villager'])]);
    const [s] = await db.query('INSERT INTO auth_sessions (user_id) VALUES ?', [users.map((id) => [id])]);
    users.forEach((id, j) => ids.push([id, s.insertId + j]));
  }
  return ids.map(([sub, sid]) => jwt.sign({ sub, sid }, SECRET, { expiresIn: 3600 }));
}

/** The HTTP scenarios under autocannon, each next to its ceiling. */
async function httpScenarios(base, db) {
  // Ceiling 1: the fastest answer this machine's HTTP stack gives — a tiny body, and each menu answer's own bytes (the
  // same bytes and headers over the same stack, with no work behind them: what a menu answer is compared with).
  const bare = async (name, body, headers = {}) => {
    const server = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(body));
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const row = record(name, await run({ url: `http://127.0.0.1:${server.address().port}/` }), `${body.length} bytes`);
    server.close();
    return row;
  };
  const ceiling = await bare('ceiling: bare node:http', Buffer.from(JSON.stringify({ status: 'ok' })));

  const health = record('GET /api/health (framework + SELECT 1)', await run({ url: `${base}/api/health` }));
  const [[hall]] = await db.query('SELECT id FROM halls ORDER BY id LIMIT 1');
  const menuUrl = `${base}/api/menu?page=1&pageSize=20`;
  const filteredUrl = `${base}/api/menu?hallId=${hall.id}&category=performance&keyword=${encodeURIComponent('越剧')}&page=1&pageSize=20`;
  // Browsers and WeChat ask for gzip, and the menu is sent gzipped to them; the raw bytes are what the ceiling sends.
  const gzip = { 'accept-encoding': 'gzip' };
  const bytesOf = async (url, headers) => {
    const res = await new Promise((resolve, reject) => http.get(url, { headers }, resolve).on('error', reject));
    const chunks = [];
    for await (const chunk of res) chunks.push(chunk);
    return Buffer.concat(chunks);
  };
  const menuPlain = await bytesOf(menuUrl, { 'accept-encoding': 'identity' });
  const menuGzipped = await bytesOf(menuUrl, gzip);
  const filteredGzipped = await bytesOf(filteredUrl, gzip);
  const zipped = { 'content-encoding': 'gzip', vary: 'Accept-Encoding' };
  const menuCeiling = await bare('ceiling: bare http, menu bytes (gzip)', menuGzipped, zipped);
  const menu = record('menu: newest, page 1 (gzip)', await run({ url: menuUrl, headers: gzip }), `${menuGzipped.length} bytes`);
  const filteredCeiling = await bare('ceiling: bare http, filtered (gzip)', filteredGzipped, zipped);
  const filtered = record('menu: hall + category + keyword', await run({ url: filteredUrl, headers: gzip }), `${filteredGzipped.length} bytes`);
  const plainCeiling = await bare('ceiling: bare http, menu bytes (plain)', menuPlain);
  const plain = record('menu: newest, page 1 (plain)', await run({ url: menuUrl }), `${menuPlain.length} bytes, no gzip asked`);
  // Uncached: each request the first page of another hall's menu (what a manager opens), so each one runs the
  // queries, as the first visitor after a change does.
  const [hallIds] = await db.query('SELECT id FROM halls ORDER BY id');
  let coldRequest = 0;
  const coldPath = () => `/api/menu?hallId=${hallIds[coldRequest++ % hallIds.length].id}&page=1&pageSize=20`;
  const cold = record(
    'menu: uncached (another hall each time)',
    await run({ url: menuUrl, requests: [{ setupRequest: (req) => ({ ...req, path: coldPath() }) }] }),
    `${hallIds.length} halls in turn`,
  );
  // A client that already holds the page (the H5 build's HTTP cache) asks with If-None-Match and gets an empty 304.
  const etag = (await fetch(menuUrl)).headers.get('etag');
  const revalidated = record('menu: revalidated (304)', await run({ url: menuUrl, headers: { 'if-none-match': etag } }), '', (status) => status === 304);

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
    other: "",
    note: `${timings.length} requests, one at a time`,
  };
  results.push(suggestions);
  console.log(`${suggestions.name.padEnd(40)} p50 ${suggestions.p50} ms   p95 ${suggestions.p95} ms   (${suggestions.note})`);

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
  const tokens = await tokensFor(db, Number(process.env.BENCH_VILLAGERS ?? 20000));
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
    requests: { total: latencies.length },
    duration: DURATION,
    latency: { p50: Math.round(latencies[Math.floor(latencies.length / 2)]), p99: Math.round(latencies[Math.floor(latencies.length * 0.99)]) },
    errors: 0,
  });

  const ratios = {
    'health / bare http': health.reqPerSec / ceiling.reqPerSec,
    'menu / bare http (same bytes)': menu.reqPerSec / menuCeiling.reqPerSec,
    'filtered menu / bare http (same bytes)': filtered.reqPerSec / filteredCeiling.reqPerSec,
    'plain menu / bare http (same bytes)': plain.reqPerSec / plainCeiling.reqPerSec,
    'menu / bare http (tiny body)': menu.reqPerSec / ceiling.reqPerSec,
    'uncached menu / bare http (same bytes)': cold.reqPerSec / plainCeiling.reqPerSec,
    'revalidated menu (304) / bare http (tiny body)': revalidated.reqPerSec / ceiling.reqPerSec,
    'order list / bare http': orders.reqPerSec / ceiling.reqPerSec,
    'reservation / raw guarded UPDATE': reserve.reqPerSec / raw.reqPerSec,
  };
  console.log('\nratios');
  for (const [k, v] of Object.entries(ratios)) console.log(`  ${k.padEnd(48)} ${v.toFixed(3)}`);
  return ratios;
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
async function statsScenario(base, db, data) {
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
    const world = await buildWorld(db, SERVER_MAIN, SIZES);

    const ratios = wants('http') ? await httpScenarios(base, db) : {};
    const stats = wants('stats') ? await statsScenario(base, db, world) : null;
    const out = path.join(root, 'bench-results.json');
    writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0].model, node: process.version }, durationSeconds: DURATION, connections: CONNECTIONS, world, results, ratios, stats }, null, 2));
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
