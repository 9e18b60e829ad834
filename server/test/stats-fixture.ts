import type { Category, OrderState } from '@hall-menu/shared';
import { EntityManager } from 'typeorm';
import { TransitionHistory } from '../src/common/transitions/transition-history.entity';
import { DatabaseService } from '../src/database/database.service';
import { Hall } from '../src/modules/halls/hall.entity';
import { Need } from '../src/modules/needs/need.entity';
import { HallEvent } from '../src/modules/orders/hall-event.entity';
import { Order } from '../src/modules/orders/order.entity';
import { ProjectArea } from '../src/modules/projects/project-area.entity';
import { ServiceProject } from '../src/modules/projects/service-project.entity';
import { ProviderArea } from '../src/modules/providers/provider-area.entity';
import { Provider } from '../src/modules/providers/provider.entity';
import { EventRating } from '../src/modules/ratings/event-rating.entity';
import { OrderRating } from '../src/modules/ratings/order-rating.entity';
import { User } from '../src/modules/users/user.entity';
import type { TestApp } from './test-app';

/** A Beijing wall-clock time ('2026-07-10T14:00') as the instant it is. */
export const bj = (local: string) => new Date(`${local}:00+08:00`);
const HOUR = 3_600_000;

export interface OrderSpec {
  hall: 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  project: 'a' | 'b';
  status: OrderState;
  /** Beijing time the order was placed. */
  created: string;
  /** Hours after placing: the provider's answers (event, hours). */
  answers?: [event: 'accept' | 'propose' | 'decline', hours: number][];
  /** Beijing start and length of the scheduled service, when it was scheduled. */
  scheduled?: { start: string; hours: number };
  headCount?: number;
  /** Villagers' stars on the event; a negative number is a rating a reviewer hid. */
  ratings?: number[];
}

export interface NeedSpec {
  hall: OrderSpec['hall'];
  status: 'open' | 'matched' | 'closed' | 'expired';
  created: string;
}

export interface StatsWorld {
  county: { code: string; name: string };
  t1: { code: string; name: string };
  t2: { code: string; name: string };
  halls: Record<OrderSpec['hall'], number>;
  providers: { p: number; q: number };
  projects: { a: number; b: number };
  orders: number[];
}

/**
 * A county whose only active halls are ours: five in two of its townships (plus an inactive one), two providers
 * (team sizes 4 and 2), a performance project and a lecture project, and the orders, events, answers, ratings and
 * needs given. Demo halls of the county are made inactive so every figure of the county is known by hand.
 */
export async function buildWorld(t: TestApp, county: string, orders: OrderSpec[], needs: NeedSpec[]): Promise<StatsWorld> {
  const db = t.app.get(DatabaseService);
  const q = (sql: string, params: unknown[] = []) => db.manager.query(sql, params);
  const [countyRow] = await q('SELECT code, name FROM regions WHERE code = ?', [county]);
  // Two townships with at least three villages each, first by code.
  const townships: { code: string; name: string }[] = await q(
    `SELECT t.code, t.name FROM regions t WHERE t.parent_code = ? AND (SELECT COUNT(*) FROM regions v WHERE v.parent_code = t.code) >= 4 ORDER BY t.code LIMIT 2`,
    [county],
  );
  const villagesOf = async (township: string) => (await q('SELECT code FROM regions WHERE parent_code = ? ORDER BY code LIMIT 4', [township])).map((r: { code: string }) => r.code);
  const [v1, v2] = [await villagesOf(townships[0].code), await villagesOf(townships[1].code)];
  return db.transaction(async (m: EntityManager) => {
    const villagers: User[] = [];
    for (let i = 0; i < 12; i++) villagers.push(await m.save(m.create(User, { nickname: `统计村民${i}`, villageCode: v1[0] })));
    await m.query('UPDATE halls SET active = ? WHERE village_code LIKE ?', [0, `${county}%`]);
    const hall = async (village: string, name: string, active = true) =>
      (await m.save(m.create(Hall, { name, villageCode: village, seats: 200, facilities: [], annualQuota: 50, quotaYear: 2026, quotaUsed: 0, starLevel: 3, active }))).id;
    const halls = {
      h1: await hall(v1[0], '统计一号礼堂'),
      h2: await hall(v1[1], '统计二号礼堂'),
      h3: await hall(v1[2], '统计三号礼堂'),
      h4: await hall(v1[3], '统计四号礼堂（已停用）', false),
      h5: await hall(v2[0], '统计五号礼堂'),
      h6: await hall(v2[1], '统计六号礼堂'),
    };
    const provider = async (name: string, teamSize: number) =>
      (await m.save(m.create(Provider, { name, kind: 'art_troupe', contactName: '联系人', contactPhone: '13800000000', teamSize, verification: 'verified' }))).id;
    const providers = { p: await provider('统计演出队', 4), q: await provider('统计宣讲团', 2) };
    await m.insert(ProviderArea, [providers.p, providers.q].map((providerId) => ({ providerId, regionCode: county })));
    const project = async (providerId: number, category: Category, title: string) =>
      (
        await m.save(
          m.create(ServiceProject, {
            providerId,
            status: 'published',
            source: 'declared',
            category,
            title,
            description: '统计测试用的服务项目，内容完整，可以点单。',
            photos: [],
            durationMinutes: 120,
            audienceMin: 10,
            audienceMax: 500,
            targetAudience: 'all',
            weekdayMask: 127,
            timeWindows: [{ start: '08:00', end: '22:00' }],
            leadDays: 1,
            blackoutDates: [],
            cost: 'free',
            publishedAt: bj('2026-06-01T09:00'),
          }),
        )
      ).id;
    const projects = { a: await project(providers.p, 'performance', '统计越剧专场'), b: await project(providers.q, 'lecture', '统计政策宣讲') };
    await m.insert(ProjectArea, [projects.a, projects.b].map((projectId) => ({ projectId, regionCode: county })));

    const ids: number[] = [];
    let villager = 0;
    for (const [i, spec] of orders.entries()) {
      const created = bj(spec.created);
      const projectId = projects[spec.project];
      const providerId = spec.project === 'a' ? providers.p : providers.q;
      const start = spec.scheduled ? bj(spec.scheduled.start) : null;
      const end = spec.scheduled ? new Date(start!.getTime() + spec.scheduled.hours * HOUR) : null;
      const order = await m.save(
        m.create(Order, {
          projectId,
          hallId: halls[spec.hall],
          providerId,
          orderedBy: villagers[0].id,
          idempotencyKey: `stats-fixture-${i}`,
          status: spec.status,
          windows: [],
          expectedAudience: 100,
          notes: '',
          scheduledStart: start,
          scheduledEnd: end,
          answerDeadline: new Date(created.getTime() + 72 * HOUR),
          headCount: spec.headCount ?? null,
          quotaYear: 2026,
          quotaReturned: false,
          createdAt: created,
        }),
      );
      ids.push(order.id);
      for (const [event, hours] of spec.answers ?? []) {
        await m.insert(TransitionHistory, {
          entityType: 'order',
          entityId: order.id,
          fromState: 'pending',
          toState: event === 'accept' ? 'accepted' : event === 'propose' ? 'proposed' : 'declined',
          event,
          actorId: null,
          actorRole: 'provider',
          reason: null,
          createdAt: new Date(created.getTime() + hours * HOUR),
        });
      }
      if (start) {
        const event = await m.save(
          m.create(HallEvent, { orderId: order.id, hallId: halls[spec.hall], projectId, title: '统计活动', category: spec.project === 'a' ? 'performance' : 'lecture', startsAt: start, endsAt: end!, seats: 200, status: 'scheduled' }),
        );
        for (const stars of spec.ratings ?? []) {
          await m.insert(EventRating, { eventId: event.id, projectId, userId: villagers[villager++ % villagers.length].id, stars: Math.abs(stars), text: '', hidden: stars < 0, hiddenReason: stars < 0 ? '辱骂' : null });
        }
      }
    }
    for (const need of needs) {
      await m.save(
        m.create(Need, { hallId: halls[need.hall], createdBy: villagers[0].id, category: 'film', title: '想看露天电影', periodFrom: '2026-07-01', periodTo: '2026-12-31', expectedAudience: 80, status: need.status, createdAt: bj(need.created) }),
      );
    }
    return { county: countyRow, t1: townships[0], t2: townships[1], halls, providers, projects, orders: ids };
  });
}

/** A manager's (side 'hall') or provider's (side 'provider') rating of an order, stored directly. */
export async function rateOrderDirectly(t: TestApp, orderId: number, side: 'hall' | 'provider', stars: number, hidden = false): Promise<void> {
  await t.app.get(DatabaseService).manager.insert(OrderRating, { orderId, side, raterId: 1, scores: { overall: stars }, stars, text: '', hidden, hiddenReason: hidden ? '不实' : null });
}

/**
 * 社会评价 on a fixture whose every figure was worked out by hand (2026 Q3 in 瑞安市, Beijing days):
 *
 * placed in Q3 (10): o1 o2 o3 o4 o5 o6 o7 o9 o10 o11 — o8 was placed 23:30 on 30 June, o1 at 00:30 on 1 July.
 * states: confirmed o1 o2 o3 o4 o9 · declined o5 · expired o6 · accepted o7 · cancelled o10 · completed o11
 * completion: 5 confirmed of 8 closed = 62.5%. First answers: 2 5 1 10 3 4 6 8 h → median (4 + 5) / 2 = 4.5 h.
 * held in Q3 and confirmed (6): o1 o2 o3 o4 o8 o9 — attendance 120 + 80 + 200 + 60 + 50 + 30 = 540;
 * volunteer hours (team 4 on performances, 2 on lectures): 8 + 3 + 8 + 4 + 4 + 8 = 35.
 * halls served: h1 h2 h5 (h4 is inactive) of 5 active = 60%.
 * ratings of events held in Q3: o1 5 4 2 · o3 5 5 3 (+ a hidden 1) · o4 4 5 · o8 1 4 → 7 good of 10 = 70%; o7's is in October.
 * unmet needs: open 8 Jul + expired 1 Aug (matched, closed and June needs do not count).
 */
export const Q3_ORDERS: OrderSpec[] = [
  { hall: 'h1', project: 'a', status: 'confirmed', created: '2026-07-01T00:30', answers: [['accept', 2]], scheduled: { start: '2026-07-10T14:00', hours: 2 }, headCount: 120, ratings: [5, 4, 2] },
  { hall: 'h1', project: 'b', status: 'confirmed', created: '2026-07-05T09:00', answers: [['accept', 5]], scheduled: { start: '2026-08-03T09:00', hours: 1.5 }, headCount: 80 },
  { hall: 'h2', project: 'a', status: 'confirmed', created: '2026-07-20T08:00', answers: [['propose', 1], ['accept', 3]], scheduled: { start: '2026-08-15T19:00', hours: 2 }, headCount: 200, ratings: [5, 5, 3, -1] },
  { hall: 'h5', project: 'b', status: 'confirmed', created: '2026-08-01T10:00', answers: [['accept', 10]], scheduled: { start: '2026-09-20T14:00', hours: 2 }, headCount: 60, ratings: [4, 5] },
  { hall: 'h3', project: 'a', status: 'declined', created: '2026-08-10T10:00', answers: [['decline', 3]] },
  { hall: 'h5', project: 'a', status: 'expired', created: '2026-09-01T10:00' },
  { hall: 'h6', project: 'b', status: 'accepted', created: '2026-09-05T10:00', answers: [['accept', 4]], scheduled: { start: '2026-10-10T14:00', hours: 2 }, ratings: [5] },
  { hall: 'h2', project: 'b', status: 'confirmed', created: '2026-06-30T23:30', answers: [['accept', 1]], scheduled: { start: '2026-07-05T10:00', hours: 2 }, headCount: 50, ratings: [1, 4] },
  { hall: 'h4', project: 'a', status: 'confirmed', created: '2026-07-03T10:00', answers: [['accept', 6]], scheduled: { start: '2026-07-25T14:00', hours: 2 }, headCount: 30 },
  { hall: 'h3', project: 'a', status: 'cancelled', created: '2026-09-25T10:00' },
  { hall: 'h1', project: 'a', status: 'completed', created: '2026-07-15T10:00', answers: [['accept', 8]], scheduled: { start: '2026-09-28T14:00', hours: 2 }, headCount: 90 },
];
export const Q3_NEEDS: NeedSpec[] = [
  { hall: 'h1', status: 'open', created: '2026-07-08T10:00' },
  { hall: 'h1', status: 'expired', created: '2026-08-01T10:00' },
  { hall: 'h2', status: 'matched', created: '2026-08-05T10:00' },
  { hall: 'h1', status: 'open', created: '2026-06-01T10:00' },
  { hall: 'h5', status: 'closed', created: '2026-09-10T10:00' },
];
