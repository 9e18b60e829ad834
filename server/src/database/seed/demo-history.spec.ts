import { findTransition, needMachine, orderMachine, reservationMachine, type Machine, type Role } from '@hall-menu/shared';
import { SensitiveWordMatcher } from '../../common/sensitive-words/matcher';
import { DEFAULT_SENSITIVE_WORDS } from '../../common/sensitive-words/word-list';
import { addDays, beijingToday, daysBetween, isoWeekday } from '../../common/time';
import { bayesianRating } from '../../modules/needs/scorer';
import { buildDemoHistory, DEMO_HISTORY_TEXTS, historyWorld, publishedDaysAgo, type HistoryRow, type HistoryWorld } from './demo-history';
import { buildDemoPlan, loadDivisions } from './demo-plan';

const DAY = 86_400_000;
const plan = buildDemoPlan(loadDivisions());
const keyed = <T extends { key: string }>(items: T[]) => new Map(items.map((item, i) => [item.key, i + 1]));
const RULES = { answerHours: 72, confirmHours: 72, cancelNoticeHours: 72, maxSeatsPerPerson: 3, cancelCutoffMinutes: 120 };

/** The demo world as the seed would write it at `now`, with ids 1, 2, 3… in plan order. */
function worldAt(now: Date): HistoryWorld {
  const projects = new Map(plan.projects.map((p, i) => [p.key, { id: i + 1, publishedAt: p.status === 'published' ? new Date(now.getTime() - publishedDaysAgo(p, true) * DAY) : null }]));
  const firstIds = { user: plan.users.length + 1, order: 1, event: 1, reservation: 1, need: 1, needResponse: 1, eventRating: 1, orderRating: 1 };
  return historyWorld(plan, { halls: keyed(plan.halls), providers: keyed(plan.providers), users: keyed(plan.users), projects }, now, RULES, firstIds);
}

const now = new Date('2026-11-24T01:30:00Z'); // 09:30 in Beijing
const today = beijingToday(now);
const world = worldAt(now);
const history = buildDemoHistory(world);
const projects = new Map(world.projects.map((p) => [p.id, p]));
const halls = new Map(world.halls.map((h) => [h.id, h]));
const orders = new Map(history.orders.map((o) => [o.id, o]));
const events = new Map(history.events.map((e) => [e.id, e]));
const stepsByEntity = history.history.reduce((m, h) => m.set(`${h.entityType}|${h.entityId}`, [...(m.get(`${h.entityType}|${h.entityId}`) ?? []), h]), new Map<string, HistoryRow[]>());
const stepsOf = (type: HistoryRow['entityType'], id: number) => stepsByEntity.get(`${type}|${id}`) ?? [];
const count = <T>(items: T[], key: (item: T) => string) => items.reduce((m, item) => m.set(key(item), (m.get(key(item)) ?? 0) + 1), new Map<string, number>());

describe('demo history', () => {
  it('is the same for the same day and follows the day it is built on', () => {
    expect(buildDemoHistory(worldAt(now))).toEqual(history);
    const weekLater = buildDemoHistory(worldAt(new Date(now.getTime() + 7 * DAY)));
    expect(weekLater.orders.length).toBeGreaterThan(500);
    expect(Math.max(...weekLater.orders.map((o) => o.createdAt.getTime()))).toBeGreaterThan(Math.max(...history.orders.map((o) => o.createdAt.getTime())));
  });

  it.each(['2027-01-01T02:00:00Z', '2027-07-15T12:00:00Z'])('keeps its shape when built on another day (%s)', (iso) => {
    const other = worldAt(new Date(iso));
    const h = buildDemoHistory(other);
    expect(h.orders.length).toBeGreaterThanOrEqual(600);
    expect(h.orders.length).toBeLessThanOrEqual(900);
    expect(h.orders.filter((o) => o.status === 'accepted' && o.scheduledStart! > other.now).length).toBeGreaterThanOrEqual(20);
    for (const q of h.hallQuotas) expect(q.quotaUsed).toBeLessThanOrEqual(other.halls.find((x) => x.id === q.id)!.annualQuota);
    const low = h.eventRatings.filter((r) => r.projectId === h.lowScoreProjectId).map((r) => r.stars);
    expect(low.length).toBeGreaterThanOrEqual(5);
    expect(bayesianRating(low.reduce((a, b) => a + b, 0) / low.length, low.length)).toBeLessThan(3);
  });

  it('places 600–900 orders over the past year, mostly delivered, in every outcome, with 20–40 accepted ones coming', () => {
    expect(history.orders.length).toBeGreaterThanOrEqual(600);
    expect(history.orders.length).toBeLessThanOrEqual(900);
    const states = count(history.orders, (o) => o.status);
    expect(states.get('confirmed')! / history.orders.length).toBeGreaterThan(0.55);
    for (const state of ['declined', 'expired', 'cancelled', 'voided', 'accepted', 'pending']) expect(states.get(state)).toBeGreaterThan(0);
    const upcoming = history.orders.filter((o) => o.status === 'accepted' && o.scheduledStart! > now);
    expect(upcoming.length).toBeGreaterThanOrEqual(20);
    expect(upcoming.length).toBeLessThanOrEqual(40);
    for (const o of upcoming) expect(daysBetween(today, beijingToday(o.scheduledStart!))).toBeLessThanOrEqual(30);
    const serviceMonths = new Set(history.orders.filter((o) => o.status === 'confirmed').map((o) => beijingToday(o.scheduledStart!).slice(0, 7)));
    expect(serviceMonths.size).toBeGreaterThanOrEqual(11);
    // Shape for the charts: counties and categories differ.
    const byCounty = count(history.orders, (o) => halls.get(o.hallId)!.villageCode.slice(0, 6));
    expect(byCounty.size).toBe(12);
    expect(Math.max(...byCounty.values())).toBeGreaterThan(3 * Math.min(...byCounty.values()));
    const byCategory = count(history.orders, (o) => projects.get(o.projectId)!.category);
    expect(byCategory.size).toBeGreaterThanOrEqual(9);
  });

  it('gives every order, reservation and need the history of each state it reached, by the role allowed to move it', () => {
    const problems: string[] = [];
    const check = (machine: Machine<string, string>, type: HistoryRow['entityType'], rows: { id: number; status: string }[]) => {
      for (const row of rows) {
        const steps = stepsOf(type, row.id);
        const fail = (what: string) => problems.push(`${type} ${row.id}: ${what}`);
        if (steps[0]?.event !== 'create' || steps[0].fromState !== null || !machine.initial.includes(steps[0].toState)) fail('does not start with its creation');
        steps.slice(1).forEach((step, i) => {
          const transition = findTransition(machine, step.fromState!, step.event, [step.actorRole as Role]);
          if (step.fromState !== steps[i].toState) fail(`${step.event} does not start where the previous step ended`);
          if (step.createdAt < steps[i].createdAt) fail(`${step.event} is older than the step before`);
          if (transition?.to !== step.toState) fail(`${step.event} by ${step.actorRole} is not a transition to ${step.toState}`);
          if (transition?.requiresReason && !step.reason) fail(`${step.event} has no reason`);
          if ((step.actorId === null) !== (step.actorRole === 'system')) fail(`${step.event} has no actor`);
        });
        if (steps[steps.length - 1].toState !== row.status) fail(`ends in ${steps[steps.length - 1].toState}, not ${row.status}`);
        if (steps[steps.length - 1].createdAt >= now) fail('has a step in the future');
      }
    };
    check(orderMachine, 'order', history.orders);
    check(reservationMachine, 'reservation', history.reservations);
    check(needMachine, 'need', history.needs);
    expect(problems).toEqual([]);
    const times = history.history.map((h) => h.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('orders only what a hall could order: covered, published, in the windows, within the lead time and the quota', () => {
    for (const o of history.orders) {
      const project = projects.get(o.projectId)!;
      const hall = halls.get(o.hallId)!;
      expect(project.serviceArea.some((code) => hall.villageCode.startsWith(code))).toBe(true);
      expect(o.createdAt.getTime()).toBeGreaterThan(project.publishedAt.getTime());
      expect(o.answerDeadline.getTime() - o.createdAt.getTime()).toBe(72 * 3_600_000);
      for (const w of o.windows) expect(daysBetween(w.from, w.to)).toBeLessThan(31);
      if (!o.idempotencyKey.startsWith('need-')) {
        expect(o.windows[0].from >= addDays(beijingToday(o.createdAt), project.leadDays)).toBe(true);
      }
      if (o.scheduledStart) {
        const day = beijingToday(o.scheduledStart);
        expect(o.windows.some((w) => w.from <= day && day <= w.to)).toBe(true);
        expect(project.weekdays).toContain(isoWeekday(day));
      }
    }
    const perHallYear = count(history.orders, (o) => `${o.hallId}|${o.quotaYear}`);
    for (const [key, n] of perHallYear) expect(n).toBeLessThanOrEqual(halls.get(Number(key.split('|')[0]))!.annualQuota);
    for (const q of history.hallQuotas) {
      const used = history.orders.filter((o) => o.hallId === q.id && o.quotaYear === q.quotaYear && !o.quotaReturned).length;
      expect(q.quotaUsed).toBe(used);
      // The demo logins' halls can still order during a walkthrough.
      if (world.walkthrough.hallIds.includes(q.id)) expect(halls.get(q.id)!.annualQuota - q.quotaUsed).toBeGreaterThanOrEqual(3);
    }
  });

  it('leaves nothing for the scheduled jobs to do in the first hours, so figures hold still after start', () => {
    const soon = now.getTime() + 3 * 3_600_000;
    for (const o of history.orders) {
      if (o.status === 'pending' || o.status === 'proposed') expect(o.answerDeadline.getTime()).toBeGreaterThan(soon);
      if (o.status === 'completed') expect(o.confirmDeadline!.getTime()).toBeGreaterThan(soon);
    }
    for (const e of history.events) if (e.status === 'scheduled' && e.endsAt < now) expect(e.attendanceClosed).toBe(true);
    for (const n of history.needs) if (n.status === 'open') expect(n.periodTo >= today).toBe(true);
  });

  it('never double-books a hall or a provider, and keeps the walkthrough fortnight free', () => {
    const scheduled = history.events.filter((e) => e.status === 'scheduled');
    const sameHall = count(scheduled, (e) => `${e.hallId}|${beijingToday(e.startsAt)}`);
    expect(Math.max(...sameHall.values())).toBe(1);
    const teams = new Map(history.providerTeams.map((t) => [t.id, t.teamCount]));
    const providerDays = count(scheduled, (e) => `${orders.get(e.orderId)!.providerId}|${beijingToday(e.startsAt)}`);
    for (const [key, n] of providerDays) expect(n).toBeLessThanOrEqual(teams.get(Number(key.split('|')[0]))!);
    const fortnight = new Date(`${addDays(today, 17)}T00:00:00+08:00`);
    for (const o of history.orders.filter((o) => o.status === 'accepted' && o.scheduledStart! < fortnight)) {
      expect(world.walkthrough.hallIds).not.toContain(o.hallId);
      expect(world.walkthrough.providerIds).not.toContain(o.providerId);
    }
    for (const e of history.events) {
      const order = orders.get(e.orderId)!;
      expect([e.startsAt, e.endsAt]).toEqual([order.scheduledStart, order.scheduledEnd]);
      expect(e.status === 'cancelled').toBe(['cancelled', 'no_show'].includes(order.status));
    }
  });

  it('fills events with reservations within their seats, and lets only checked-in villagers rate, once', () => {
    for (const e of history.events) {
      const held = history.reservations.filter((r) => r.eventId === e.id && r.status !== 'cancelled');
      expect(e.seatsReserved).toBe(held.reduce((sum, r) => sum + r.seats, 0));
      expect(e.seatsReserved).toBeLessThanOrEqual(e.seats);
      const order = orders.get(e.orderId)!;
      if (order.headCount !== null) {
        const checkedIn = held.filter((r) => r.status === 'checked_in').reduce((sum, r) => sum + r.seats, 0);
        expect(order.headCount).toBe(checkedIn + e.walkIns);
      }
      if (e.startsAt > now) expect(held.every((r) => r.status === 'reserved')).toBe(true);
    }
    expect(new Set(history.reservations.map((r) => r.code)).size).toBe(history.reservations.length);
    const live = history.reservations.filter((r) => r.holderKey !== null);
    expect(new Set(live.map((r) => r.holderKey)).size).toBe(live.length);
    for (const r of live) expect(r.status).toBe('reserved');
    const checkedIn = new Set(history.reservations.filter((r) => r.status === 'checked_in' && r.userId !== null).map((r) => `${r.eventId}|${r.userId}`));
    for (const rating of history.eventRatings) {
      expect(checkedIn.has(`${rating.eventId}|${rating.userId}`)).toBe(true);
      expect(rating.projectId).toBe(events.get(rating.eventId)!.projectId);
      expect(rating.createdAt.getTime()).toBeGreaterThan(events.get(rating.eventId)!.endsAt.getTime());
    }
    expect(new Set(history.eventRatings.map((r) => `${r.eventId}|${r.userId}`)).size).toBe(history.eventRatings.length);
    for (const rating of history.orderRatings) expect(orders.get(rating.orderId)!.status).toBe('confirmed');
    expect(new Set(history.orderRatings.map((r) => `${r.orderId}|${r.side}`)).size).toBe(history.orderRatings.length);
    // Nobody reaches the no-show limit, and the demo villagers never miss.
    const noShows = count(history.reservations.filter((r) => r.status === 'no_show' && r.userId !== null), (r) => String(r.userId));
    expect(Math.max(...noShows.values())).toBeLessThan(3);
    for (const v of world.villagers) expect(noShows.has(String(v.id))).toBe(false);
  });

  it('rates mostly 4–5 stars, makes brand material of two projects and flags one', () => {
    const stars = count(history.eventRatings, (r) => String(r.stars));
    const share = (s: string) => (stars.get(s) ?? 0) / history.eventRatings.length;
    expect(share('4') + share('5')).toBeGreaterThan(0.7);
    expect(share('3')).toBeGreaterThan(0.05);
    expect(share('1') + share('2')).toBeGreaterThan(0.01);
    expect(share('1') + share('2')).toBeLessThan(0.12);

    const scoreOf = (projectId: number) => {
      const ratings = [
        ...history.eventRatings.filter((r) => r.projectId === projectId).map((r) => r.stars),
        ...history.orderRatings.filter((r) => r.side === 'hall' && orders.get(r.orderId)!.projectId === projectId).map((r) => r.stars),
      ];
      const average = ratings.reduce((a, b) => a + b, 0) / ratings.length;
      return { count: ratings.length, average, score: bayesianRating(average, ratings.length) };
    };
    const low = scoreOf(history.lowScoreProjectId!);
    expect(low.count).toBeGreaterThanOrEqual(5);
    expect(low.score).toBeLessThan(3);
    expect(history.brandProjectIds).toHaveLength(2);
    const services = count(history.orders.filter((o) => o.status === 'confirmed'), (o) => String(o.projectId));
    const top = [...services.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id]) => Number(id));
    for (const id of history.brandProjectIds) {
      expect(top).toContain(id);
      expect(scoreOf(id).average).toBeGreaterThan(4.4);
    }
    expect(history.ratedProjectIds).toEqual(expect.arrayContaining([...history.brandProjectIds, history.lowScoreProjectId!]));
  });

  it('has about forty needs, open ones with upvotes from the village and some answered, matched ones with their orders', () => {
    const states = count(history.needs, (n) => n.status);
    expect(history.needs.length).toBeGreaterThanOrEqual(35);
    expect(history.needs.length).toBeLessThanOrEqual(45);
    for (const state of ['open', 'matched', 'expired', 'closed']) expect(states.get(state)).toBeGreaterThan(0);
    for (const need of history.needs) {
      const voters = history.needUpvotes.filter((u) => u.needId === need.id);
      expect(need.upvotes).toBe(voters.length);
      const hall = halls.get(need.hallId)!;
      for (const v of voters) expect(history.users.find((u) => u.id === v.userId)?.villageCode ?? world.villagers.find((u) => u.id === v.userId)?.villageCode).toBe(hall.villageCode);
      if (need.status === 'open') expect(need.periodTo >= today).toBe(true);
      if (need.status === 'expired') expect(need.periodTo < today).toBe(true);
      if (need.status === 'matched') {
        const order = orders.get(need.matchedOrderId!)!;
        expect([order.hallId, order.notes]).toEqual([need.hallId, `来自需求：${need.title}`]);
      } else expect(need.matchedOrderId).toBeNull();
    }
    expect(history.needResponses.filter((r) => r.status === 'pending').length).toBeGreaterThan(0);
    for (const r of history.needResponses) {
      const need = history.needs.find((n) => n.id === r.needId)!;
      if (r.status === 'pending') expect(r.proposedStart.getTime()).toBeGreaterThan(now.getTime());
      if (r.status === 'accepted') expect(orders.get(r.orderId!)!.idempotencyKey).toBe(`need-${need.id}-response-${r.id}`);
    }
    // The first demo manager finds an open need of their own with an answer to look at.
    const firstHall = world.walkthrough.hallIds[0];
    const own = history.needs.filter((n) => n.hallId === firstHall && n.status === 'open');
    expect(own.length).toBeGreaterThan(0);
    expect(history.needResponses.some((r) => own.some((n) => n.id === r.needId))).toBe(true);
  });

  it('writes only plain Chinese that the sensitive-word check lets through, within the fields’ lengths', () => {
    const matcher = new SensitiveWordMatcher(DEFAULT_SENSITIVE_WORDS);
    for (const text of DEMO_HISTORY_TEXTS) expect([text, matcher.find(text)]).toEqual([text, []]);
    const lengths = (rows: { text: string }[], max: number) => rows.every((r) => r.text.length <= max);
    expect(lengths(history.eventRatings, 300) && lengths(history.orderRatings, 300)).toBe(true);
    expect(history.history.every((h) => (h.reason ?? '').length <= 500)).toBe(true);
    expect(history.needs.every((n) => n.title.length <= 60 && n.description.length <= 600)).toBe(true);
  });

  it('adds a manager to every hall and a member to every provider that had none, as users with those roles', () => {
    const managed = new Set([...history.hallManagers.map((m) => m.hallId), ...world.halls.filter((h) => h.managerIds.length).map((h) => h.id)]);
    expect(managed.size).toBe(world.halls.length);
    const staffed = new Set([...history.providerMembers.map((m) => m.providerId), ...world.providers.filter((p) => p.memberIds.length).map((p) => p.id)]);
    expect(staffed.size).toBe(world.providers.length);
    const roles = count(history.userRoles, (r) => r.role);
    expect(roles.get('hall_manager')).toBe(history.hallManagers.length);
    expect(roles.get('provider')).toBe(history.providerMembers.length);
    expect(new Set(history.users.map((u) => u.id)).size).toBe(history.users.length);
  });
});
