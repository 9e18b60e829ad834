import { JwtService } from '@nestjs/jwt';
import type { LoginResponse, OrderDto, ProjectDto } from '@hall-menu/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { addDays, beijingToday } from '../src/common/time';
import { DatabaseService } from '../src/database/database.service';
import { bearer, type TestApp } from './test-app';

/** A published project of the demo provider that serves every hall of the demo manager, any day. */
export async function publishedProjectFor(t: TestApp, provider: LoginResponse, reviewer: LoginResponse, manager: LoginResponse, title: string): Promise<ProjectDto> {
  const serviceArea = [...new Set(manager.me.scopes.halls.map((h) => h.villageCode.slice(0, 6)))];
  const draft = (
    await request(t.http)
      .post('/api/projects')
      .set(bearer(provider))
      .send({
        category: 'performance',
        title,
        description: '用于测试的文艺演出项目，节目五个，演员十二人，演出两小时，适合全村老少。',
        durationMinutes: 120,
        audienceMin: 20,
        audienceMax: 500,
        targetAudience: 'all',
        serviceArea,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        timeWindows: [{ start: '08:00', end: '22:00' }],
        leadDays: 1,
      })
      .expect(201)
  ).body as ProjectDto;
  await request(t.http).post(`/api/projects/${draft.id}/actions/submit`).set(bearer(provider)).send({}).expect(200);
  return (await request(t.http).post(`/api/projects/${draft.id}/actions/approve`).set(bearer(reviewer)).send({}).expect(200)).body as ProjectDto;
}

/** An accepted order, hence an event, `dayOffset` days from today at `hour`:00 Beijing time for two hours. */
export async function acceptedOrder(
  t: TestApp,
  actors: { manager: LoginResponse; provider: LoginResponse },
  projectId: number,
  hallId: number,
  dayOffset: number,
  hour = 14,
): Promise<OrderDto> {
  const day = addDays(beijingToday(), dayOffset);
  const order = (
    await request(t.http)
      .post('/api/orders')
      .set(bearer(actors.manager))
      .set('Idempotency-Key', randomUUID())
      .send({ projectId, hallId, windows: [{ from: day, to: day }], expectedAudience: 100 })
      .expect(201)
  ).body as OrderDto;
  const hh = (h: number) => String(h).padStart(2, '0');
  return (
    await request(t.http)
      .post(`/api/orders/${order.id}/actions/accept`)
      .set(bearer(actors.provider))
      .send({ start: `${day}T${hh(hour)}:00:00+08:00`, end: `${day}T${hh(hour + 2)}:00:00+08:00` })
      .expect(200)
  ).body as OrderDto;
}

/** Many villagers at once: rows and sessions written directly, tokens signed by the app's own JWT service. */
export async function makeVillagers(t: TestApp, count: number, villageCode: string, prefix: string): Promise<{ id: number; token: string }[]> {
  const db = t.app.get(DatabaseService);
  const jwt = t.app.get(JwtService);
  const users: { id: number; token: string }[] = [];
  await db.transaction(async (m) => {
    for (let i = 0; i < count; i++) {
      const user = await m.query('INSERT INTO users (nickname, village_code, disabled) VALUES (?, ?, 0)', [`${prefix}${i}`, villageCode]);
      const userId = Number(user.insertId);
      await m.query("INSERT INTO user_roles (user_id, role) VALUES (?, 'villager')", [userId]);
      const session = await m.query('INSERT INTO auth_sessions (user_id) VALUES (?)', [userId]);
      users.push({ id: userId, token: await jwt.signAsync({ sub: userId, sid: Number(session.insertId) }, { expiresIn: 3600 }) });
    }
  });
  return users;
}
