import { ErrorCode, type LoginResponse, type SubscriptionsDto } from '@hall-menu/shared';
import request from 'supertest';
import { DatabaseService } from '../src/database/database.service';
import { bearer, startTestApp, type TestApp } from './test-app';

describe('subscribe-message consents, retried (MySQL)', () => {
  let t: TestApp;
  let db: DatabaseService;
  let manager: LoginResponse;

  beforeAll(async () => {
    t = await startTestApp({ JOB_INTERVAL_SECONDS: '0' });
    db = t.app.get(DatabaseService);
    manager = await t.login('hall_manager');
  });
  afterAll(() => t.close());

  const consent = (key: string | null) => {
    const call = request(t.http).post('/api/me/subscriptions').set(bearer(manager));
    if (key !== null) call.set('Idempotency-Key', key);
    return call.send({ accepted: ['order_answered', 'order_new'] });
  };
  const remaining = async () =>
    Object.fromEntries(
      ((await db.manager.query('SELECT template_key, remaining FROM subscribe_consents WHERE user_id = ? ORDER BY template_key', [manager.me.id])) as { template_key: string; remaining: number }[]).map(
        (r) => [r.template_key, Number(r.remaining)],
      ),
    );

  it('counts a consent call once however often it is retried with its key, and again for a new key', async () => {
    const first = (await consent('consent-retry-0001').expect(200)).body as SubscriptionsDto;
    expect(first.templates.filter((x) => x.remaining > 0).map((x) => [x.key, x.remaining])).toEqual([
      ['order_new', 1],
      ['order_answered', 1],
    ]);
    const retried = (await consent('consent-retry-0001').expect(200)).body as SubscriptionsDto;
    expect(retried).toEqual(first);
    expect(await remaining()).toEqual({ order_answered: 1, order_new: 1 });

    // Twins on the wire at once: the second waits on the first's key and counts nothing.
    const twins = await Promise.all([consent('consent-retry-0002'), consent('consent-retry-0002')]);
    expect(twins.map((r) => r.status)).toEqual([200, 200]);
    expect(twins[0].body).toEqual(twins[1].body);
    expect(await remaining()).toEqual({ order_answered: 2, order_new: 2 });

    // Another prompt, another key: counted. A client without keys (an old mini-program) is counted every time.
    await consent('consent-retry-0003').expect(200);
    await consent(null).expect(200);
    expect(await remaining()).toEqual({ order_answered: 4, order_new: 4 });
    expect((await consent('bad key!').expect(400)).body.code).toBe(ErrorCode.IdempotencyKeyRequired);
    expect(await remaining()).toEqual({ order_answered: 4, order_new: 4 });
    expect(Number((await db.manager.query('SELECT COUNT(*) n FROM subscribe_consent_grants WHERE user_id = ?', [manager.me.id]))[0].n)).toBe(3);
  });
});
