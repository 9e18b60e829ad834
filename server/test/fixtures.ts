import { JwtService } from '@nestjs/jwt';
import type { LoginResponse, OrderDto, ProjectContentInput, ProjectDto } from '@hall-menu/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { addDays, beijingToday } from '../src/common/time';
import { DatabaseService } from '../src/database/database.service';
import { bearer, type TestApp } from './test-app';

/** A published project of the demo provider that serves every hall of the demo manager, any day (unless `overrides` narrow it). */
export async function publishedProjectFor(
  t: TestApp,
  provider: LoginResponse,
  reviewer: LoginResponse,
  manager: LoginResponse,
  title: string,
  overrides: Partial<ProjectContentInput> = {},
): Promise<ProjectDto> {
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
        ...overrides,
      })
      .expect(201)
  ).body as ProjectDto;
  await request(t.http).post(`/api/projects/${draft.id}/actions/submit`).set(bearer(provider)).send({}).expect(200);
  return (await request(t.http).post(`/api/projects/${draft.id}/actions/approve`).set(bearer(reviewer)).send({}).expect(200)).body as ProjectDto;
}

/** An order for one whole day, `dayOffset` days from today, placed by the manager and not answered yet. */
export async function placedOrder(t: TestApp, manager: LoginResponse, projectId: number, hallId: number, dayOffset: number): Promise<OrderDto> {
  const day = addDays(beijingToday(), dayOffset);
  return (
    await request(t.http)
      .post('/api/orders')
      .set(bearer(manager))
      .set('Idempotency-Key', randomUUID())
      .send({ projectId, hallId, windows: [{ from: day, to: day }], expectedAudience: 100 })
      .expect(201)
  ).body as OrderDto;
}

/** The provider accepts an order for two hours from `hour`:00 Beijing time on `day` (YYYY-MM-DD). */
export async function acceptAt(t: TestApp, provider: LoginResponse, orderId: number, day: string, hour = 14): Promise<OrderDto> {
  const hh = (h: number) => String(h).padStart(2, '0');
  return (
    await request(t.http)
      .post(`/api/orders/${orderId}/actions/accept`)
      .set(bearer(provider))
      .send({ start: `${day}T${hh(hour)}:00:00+08:00`, end: `${day}T${hh(hour + 2)}:00:00+08:00` })
      .expect(200)
  ).body as OrderDto;
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
  const order = await placedOrder(t, actors.manager, projectId, hallId, dayOffset);
  return acceptAt(t, actors.provider, order.id, addDays(beijingToday(), dayOffset), hour);
}

/**
 * The service of an accepted order, held: with the app's clock an hour before the start (check-in opens then), the
 * manager checks in the given reservation codes and the provider checks in and completes with `headCount` people.
 * The order then waits for the manager's confirmation. The clock stays there so the caller can go on (confirm,
 * rate) on the day: the returned spy's `mockRestore()` puts it back.
 */
export async function heldService(
  t: TestApp,
  actors: { manager: LoginResponse; provider: LoginResponse },
  order: OrderDto,
  attendance: { reservationCodes: string[]; headCount: number },
): Promise<jest.SpyInstance<Date, []>> {
  const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.parse(order.scheduledStart!) - 3_600_000));
  for (const code of attendance.reservationCodes) {
    await request(t.http).post(`/api/events/${order.event!.id}/check-ins`).set(bearer(actors.manager)).send({ code }).expect(200);
  }
  await request(t.http).post(`/api/orders/${order.id}/actions/check_in`).set(bearer(actors.provider)).send({}).expect(200);
  await request(t.http).post(`/api/orders/${order.id}/actions/complete`).set(bearer(actors.provider)).send({ headCount: attendance.headCount }).expect(200);
  return clock;
}

/** Retries a check on work done after the HTTP answer (pushes, subscribe messages) until it passes, for about 2 s. */
export async function eventually<T>(check: () => T | Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await check();
    } catch (error) {
      if (i >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
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
