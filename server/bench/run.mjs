#!/usr/bin/env node
// `npm run bench`: the production build on MariaDB/MySQL under autocannon, next to the ceilings it can't beat:
// a bare node:http server answering a fixed JSON body, and a raw mysql2 guarded-UPDATE loop on the same table the
// reservations use. Prints req/s, p50 and p99 of each, the ratios, and writes bench-results.json at the repo root.
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const EXTRA_PROJECTS = Number(process.env.BENCH_EXTRA_PROJECTS ?? 50000);
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
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbUrl.toString(), DEMO_MODE: 'true', SEED_DEMO_DATA: 'true', JWT_SECRET: SECRET, LOG_LEVEL: 'error', JOB_INTERVAL_SECONDS: '0' };
  const child = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
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
    const out = path.join(root, 'bench-results.json');
    writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0].model, node: process.version }, durationSeconds: DURATION, connections: CONNECTIONS, results, ratios }, null, 2));
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
