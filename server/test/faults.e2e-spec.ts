import { addDays, beijingToday } from '../src/common/time';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { PrivateMariaDb } from './private-mariadb';
import { bearer, startTestApp, type TestApp } from './test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The database dies under load and comes back: the server answers 503 meanwhile, recovers by itself, and
 * everything it confirmed is stored, with no half-applied transition.
 */
describe('database crash and restart under load', () => {
  let db: PrivateMariaDb;
  let t: TestApp;

  beforeAll(async () => {
    db = await PrivateMariaDb.create();
    t = await startTestApp({ DATABASE_URL: db.url, JOB_INTERVAL_SECONDS: '0' });
  }, 180_000);
  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await db?.destroy();
  });

  it('answers 503 while MariaDB is down, recovers without a restart and loses nothing it confirmed', async () => {
    const manager = await t.login('hall_manager');
    const hallId = manager.me.scopes.halls[0].id;
    const created = new Map<number, string>();
    const closed = new Set<number>();
    const outages: number[] = [];
    const unexpected: string[] = [];
    let phase: 'up' | 'down' | 'recovering' = 'up';
    let running = true;

    // Each worker creates a need and closes it: one insert with its history, then one guarded transition.
    const worker = async (w: number) => {
      for (let i = 0; running; i++) {
        const title = `故障演练 ${w}-${i}`;
        const res = await request(t.http)
          .post('/api/needs')
          .set(bearer(manager))
          .send({ hallId, category: 'lecture', title, periodFrom: addDays(beijingToday(), 5), periodTo: addDays(beijingToday(), 30), expectedAudience: 50 });
        if (res.status === 201) {
          created.set(res.body.id, title);
          const close = await request(t.http).post(`/api/needs/${res.body.id}/close`).set(bearer(manager)).send({ reason: '演练结束' });
          if (close.status === 200) closed.add(res.body.id);
          else if (close.status === 503) outages.push(close.status);
          else unexpected.push(`close ${close.status} ${JSON.stringify(close.body)}`);
        } else if (res.status === 503) {
          outages.push(res.status);
          expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('稍后再试') });
          expect(res.headers['retry-after']).toBe('5');
          await sleep(100);
        } else {
          unexpected.push(`create ${res.status} ${JSON.stringify(res.body)} during ${phase}`);
        }
      }
    };
    const workers = [1, 2, 3, 4].map(worker);

    await sleep(1500);
    const confirmedBeforeCrash = created.size;
    expect(confirmedBeforeCrash).toBeGreaterThan(0);

    phase = 'down';
    await db.crash();
    await sleep(2500);
    const health = await request(t.http).get('/api/health');
    expect(health.status).toBe(503);
    expect(outages.length).toBeGreaterThan(0);

    phase = 'recovering';
    await db.start();
    // The server must come back on its own: same process, same pool.
    const deadline = Date.now() + 30_000;
    while ((await request(t.http).get('/api/health')).status !== 200) {
      if (Date.now() > deadline) throw new Error('the server did not recover within 30 s of MariaDB coming back');
      await sleep(250);
    }
    phase = 'up';
    const confirmedAtRecovery = created.size;
    await sleep(1500);
    running = false;
    await Promise.all(workers);

    expect(unexpected).toEqual([]);
    expect(created.size).toBeGreaterThan(confirmedAtRecovery);

    const connection = await createConnection({ uri: db.url });
    try {
      // Every need the server confirmed is stored, with its title; every confirmed close is stored.
      const [rows] = await connection.query('SELECT id, title, status FROM needs WHERE title LIKE ?', ['故障演练 %']);
      const stored = new Map((rows as { id: number; title: string; status: string }[]).map((r) => [r.id, r]));
      for (const [id, title] of created) expect(stored.get(id)?.title).toBe(title);
      for (const id of closed) expect(stored.get(id)?.status).toBe('closed');

      // No half-written transition: each need's state is the target of its latest history row.
      const [mismatches] = await connection.query(
        `SELECT n.id, n.status, h.to_state FROM needs n
           LEFT JOIN transition_history h ON h.id = (SELECT MAX(id) FROM transition_history WHERE entity_type = 'need' AND entity_id = n.id)
          WHERE n.title LIKE ? AND (h.to_state IS NULL OR h.to_state <> n.status)`,
        ['故障演练 %'],
      );
      expect(mismatches).toEqual([]);
    } finally {
      await connection.end();
    }
  }, 120_000);
});
