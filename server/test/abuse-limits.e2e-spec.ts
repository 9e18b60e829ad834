import request from 'supertest';
import { SelectQueryBuilder } from 'typeorm';
import { MenuService } from '../src/modules/projects/menu.service';
import { bearer, startTestApp, type TestApp } from './test-app';

describe('abuse limits, security headers and CORS', () => {
  describe('with the limits on', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '5', RATE_LIMIT_WRITES_PER_USER_PER_MINUTE: '3', RATE_LIMIT_WRITES_PER_ADDRESS_PER_MINUTE: '0' });
    });
    afterAll(() => t.close());

    it('answers the sixth sign-in from one address within a minute with 429, the seconds to wait and a Chinese message', async () => {
      for (let i = 0; i < 5; i++) await request(t.http).post('/api/auth/demo').send({ role: 'villager' }).expect(200);
      const refused = await request(t.http).post('/api/auth/demo').send({ role: 'villager' }).expect(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
      expect(refused.body.message).toMatch(/操作太频繁.*秒后再试/);
      const wait = Number(refused.headers['retry-after']);
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(60);
      expect(refused.body.details).toMatchObject({ retryAfterSeconds: wait, limit: 'login' });
      // Reading is not limited.
      await request(t.http).get('/api/health').expect(200);
    });

    it('limits writes per user without stopping another user at the same address', async () => {
      // The login limit above is spent for 127.0.0.1; other addresses (behind the trusted proxy) have their own count.
      const login = async (role: string, address: string) =>
        (await request(t.http).post('/api/auth/demo').set('X-Forwarded-For', address).send({ role }).expect(200)).body;
      const first = await login('villager', '10.0.0.2');
      const second = await login('hall_manager', '10.0.0.3');
      for (let i = 0; i < 3; i++) await request(t.http).post('/api/notifications/read-all').set(bearer(first)).send({}).expect((r) => expect(r.status).toBeLessThan(300));
      const refused = await request(t.http).post('/api/notifications/read-all').set(bearer(first)).send({}).expect(429);
      expect(refused.body.details.limit).toBe('write-user');
      await request(t.http).post('/api/notifications/read-all').set(bearer(second)).send({}).expect((r) => expect(r.status).toBeLessThan(300));
    });
  });

  describe('with the default configuration', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ CORS_ORIGINS: 'https://h5.example.cn' });
    });
    afterAll(() => t.close());

    it('sends security headers on every answer', async () => {
      const res = await request(t.http).get('/api/health').expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('allows cross-origin calls only from the configured H5 origin', async () => {
      const allowed = await request(t.http).options('/api/projects').set('Origin', 'https://h5.example.cn').set('Access-Control-Request-Method', 'POST');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://h5.example.cn');
      const other = await request(t.http).get('/api/health').set('Origin', 'https://evil.example.com');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('refuses a body over 1 MB with 413 and a Chinese message', async () => {
      const res = await request(t.http)
        .post('/api/auth/demo')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ role: 'villager', padding: 'x'.repeat(1_100_000) }))
        .expect(413);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '提交的内容太大' });
    });
  });
});

describe('conditional GETs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers a repeated menu page with an empty 304, and with the new page once the menu changed', async () => {
    const first = await request(t.http).get('/api/menu?pageSize=5').expect(200);
    const tag = first.headers.etag;
    expect(tag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await request(t.http).get('/api/menu?pageSize=5').set('If-None-Match', tag).expect(304);
    expect(again.text ?? '').toBe('');

    // A reviewer suspends the first project on the page: the page, and so its tag, changes.
    const reviewer = await t.login('reviewer');
    const projectId = first.body.items[0].id as number;
    await request(t.http).post(`/api/projects/${projectId}/actions/suspend`).set(bearer(reviewer)).send({ reason: '核查节目内容' }).expect(200);
    const changed = await request(t.http).get('/api/menu?pageSize=5').set('If-None-Match', tag).expect(200);
    expect(changed.headers.etag).not.toBe(tag);
    expect(changed.body.items.map((p: { id: number }) => p.id)).not.toContain(projectId);
  });

  it('answers a repeated menu URL from the cache before the framework, and a changed menu afresh', async () => {
    const menu = t.app.get(MenuService);
    const list = jest.spyOn(menu, 'list');
    try {
      const url = '/api/menu?pageSize=7&sort=newest';
      const first = await request(t.http).get(url).expect(200);
      expect(list).toHaveBeenCalledTimes(1);
      const again = await request(t.http).get(url).expect(200);
      expect(list).toHaveBeenCalledTimes(1); // the fast path answered
      expect(again.body).toEqual(first.body);
      expect(again.headers.etag).toBe(first.headers.etag);
      // Security headers and the rate limiter's hooks still ran.
      expect(again.headers['x-content-type-options']).toBe('nosniff');
      // Another spelling of the same query is validated by the controller once, then found too.
      await request(t.http).get('/api/menu?sort=newest&pageSize=7').expect(200);
      expect(list).toHaveBeenCalledTimes(2);
      // Bad input is refused every time, before any page is computed or remembered.
      await request(t.http).get('/api/menu?pageSize=abc').expect(400);
      await request(t.http).get('/api/menu?pageSize=abc').expect(400);

      const reviewer = await t.login('reviewer');
      const projectId = first.body.items[0].id as number;
      await request(t.http).post(`/api/projects/${projectId}/actions/suspend`).set(bearer(reviewer)).send({ reason: '核查节目内容' }).expect(200);
      const changed = await request(t.http).get(url).expect(200);
      expect(list).toHaveBeenCalledTimes(3); // the change dropped the page: computed afresh
      expect(changed.body.items.map((p: { id: number }) => p.id)).not.toContain(projectId);
    } finally {
      list.mockRestore();
    }
  });

  it('counts a filter combination once for all its pages and sorts, and again after a change', async () => {
    const counting = jest.spyOn(SelectQueryBuilder.prototype, 'getCount');
    try {
      const first = (await request(t.http).get('/api/menu?category=performance&pageSize=3&page=1').expect(200)).body;
      expect(counting).toHaveBeenCalledTimes(1);
      const second = (await request(t.http).get('/api/menu?category=performance&pageSize=3&page=2&sort=rating').expect(200)).body;
      expect(counting).toHaveBeenCalledTimes(1);
      expect(second.total).toBe(first.total);
      await request(t.http).get('/api/menu?category=lecture&pageSize=3').expect(200);
      expect(counting).toHaveBeenCalledTimes(2);

      const reviewer = await t.login('reviewer');
      await request(t.http).post(`/api/projects/${first.items[0].id}/actions/suspend`).set(bearer(reviewer)).send({ reason: '核查节目内容' }).expect(200);
      const after = (await request(t.http).get('/api/menu?category=performance&pageSize=3&page=2&sort=rating').expect(200)).body;
      expect(counting).toHaveBeenCalledTimes(3);
      expect(after.total).toBe(first.total - 1);
    } finally {
      counting.mockRestore();
    }
  });

  it('sends the menu gzipped to clients that take gzip, with the same tag and the same page', async () => {
    const plain = await request(t.http).get('/api/menu?pageSize=20').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await request(t.http).get('/api/menu?pageSize=20').set('Accept-Encoding', 'gzip, deflate, br').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('Accept-Encoding');
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    expect(zipped.body).toEqual(plain.body);
    // Fewer bytes on the wire: what a weak rural link pays for.
    expect(Number(zipped.headers['content-length'])).toBeLessThan(Number(plain.headers['content-length']) / 2);
    const refused = await request(t.http).get('/api/menu?pageSize=20').set('Accept-Encoding', 'gzip;q=0, identity').expect(200);
    expect(refused.headers['content-encoding']).toBeUndefined();

    const again = await request(t.http).get('/api/menu?pageSize=20').set('Accept-Encoding', 'gzip').set('If-None-Match', plain.headers.etag).expect(304);
    expect(again.headers['content-encoding']).toBeUndefined();
  });
});
