import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { SubscribeTemplateKey } from '@hall-menu/shared';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { JobScheduler } from '../../common/cluster/job-scheduler.service';
import { addDays, beijingToday } from '../../common/time';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DatabaseService } from '../../database/database.service';
import { NotificationsService, type NotificationInput } from '../notifications/notifications.service';
import { SubscribeMessageSender } from '../subscriptions/subscribe-message.sender';
import { SentReminder } from './sent-reminder.entity';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Subjects looked at per kind and run; the next run picks up the rest. */
const BATCH = 500;

/** The reminders there are, as `sent_reminders.kind` and the inbox notification kind. */
export const REMINDER_KINDS = ['order.expiring', 'event.tomorrow', 'event.rate', 'order.rate'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** One reminder for one person about one order or event. */
export interface Reminder {
  kind: ReminderKind;
  subjectId: number;
  userId: number;
  notification: Omit<NotificationInput, 'kind'>;
  template: SubscribeTemplateKey;
  /** The time the subscribe message shows. */
  time: Date;
}

export type ReminderCounts = Record<ReminderKind, number>;

const beijingClock = (d: Date) => new Date(new Date(d).getTime() + 8 * HOUR_MS).toISOString().slice(11, 16);
const beijingDay = (d: Date) => {
  const b = new Date(new Date(d).getTime() + 8 * HOUR_MS);
  return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日`;
};

/**
 * Scheduled reminders: an order about to time out without an answer (to whoever must answer), an event tomorrow
 * (to villagers holding seats), a rating request after an event (to villagers who checked in) and after a confirmed
 * order (to the hall's managers). Each goes to the inbox and, where consented, as a WeChat subscribe message.
 * Each is sent once per person: its `sent_reminders` row and its notification are written in one transaction, and
 * the unique key refuses the second row however many runs or servers race for it.
 */
@Injectable()
export class RemindersService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RemindersService.name);
  private stop: () => void = () => undefined;

  constructor(
    private readonly jobs: JobScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DatabaseService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly sender: SubscribeMessageSender,
  ) {}

  onModuleInit(): void {
    this.stop = this.jobs.every('reminder job', this.config.jobIntervalSeconds, () => this.runDue());
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /** Finds what is due and sends what was not sent yet; returns how many reminders this run sent, per kind. */
  async runDue(): Promise<ReminderCounts> {
    const due = [...(await this.ordersAwaitingAnswer()), ...(await this.eventsTomorrow()), ...(await this.endedEvents()), ...(await this.confirmedOrders())];
    const fresh = await this.notYetSent(due);
    const counts = Object.fromEntries(REMINDER_KINDS.map((k) => [k, 0])) as ReminderCounts;
    for (const reminder of fresh) {
      if (await this.sendOnce(reminder)) counts[reminder.kind]++;
    }
    if (fresh.length > 0) this.logger.log({ msg: 'reminders sent', ...counts });
    return counts;
  }

  /**
   * The reminder's row and its notification in one transaction; a duplicate key means another run sent it.
   * The subscribe message follows the commit, so it never goes out for a reminder that was not recorded.
   */
  private async sendOnce(reminder: Reminder): Promise<boolean> {
    try {
      await this.db.transaction(async (m) => {
        await m.insert(SentReminder, { kind: reminder.kind, subjectId: reminder.subjectId, userId: reminder.userId, createdAt: this.clock.now() });
        await this.notifications.notify(m, [reminder.userId], { kind: reminder.kind, ...reminder.notification });
      });
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    await this.sender
      .send(reminder.userId, reminder.template, { title: reminder.notification.title, body: reminder.notification.body, time: reminder.time, page: reminder.notification.link ?? '' })
      .catch((error: unknown) => this.logger.error({ msg: 'subscribe message for a reminder failed', kind: reminder.kind, err: String(error) }));
    return true;
  }

  /** Leaves out reminders already recorded, so a run does not try thousands of inserts that can only fail. */
  private async notYetSent(due: Reminder[]): Promise<Reminder[]> {
    const sent = new Set<string>();
    for (const kind of REMINDER_KINDS) {
      const subjectIds = [...new Set(due.filter((r) => r.kind === kind).map((r) => r.subjectId))];
      if (subjectIds.length === 0) continue;
      const rows: { subject_id: number; user_id: number }[] = await this.db.manager.query(
        `SELECT subject_id, user_id FROM sent_reminders WHERE kind = ? AND subject_id IN (${subjectIds.map(() => '?').join(', ')})`,
        [kind, ...subjectIds],
      );
      rows.forEach((r) => sent.add(`${kind}/${Number(r.subject_id)}/${Number(r.user_id)}`));
    }
    const seen = new Set<string>();
    return due.filter((r) => {
      const key = `${r.kind}/${r.subjectId}/${r.userId}`;
      if (sent.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Orders whose answer deadline is near: the provider must answer a pending one, the hall a proposed time. */
  private async ordersAwaitingAnswer(): Promise<Reminder[]> {
    const now = this.clock.now();
    const rows: { id: number; status: 'pending' | 'proposed'; hall_id: number; provider_id: number; answer_deadline: Date | string; title: string; hall_name: string }[] =
      await this.db.manager.query(
        `SELECT o.id, o.status, o.hall_id, o.provider_id, o.answer_deadline, p.title, h.name AS hall_name
         FROM orders o JOIN service_projects p ON p.id = o.project_id JOIN halls h ON h.id = o.hall_id
         WHERE o.status IN ('pending', 'proposed') AND o.answer_deadline > ? AND o.answer_deadline <= ?
         ORDER BY o.id LIMIT ${BATCH}`,
        [this.db.timeParam(now), this.db.timeParam(new Date(now.getTime() + this.config.reminders.answerHoursBefore * HOUR_MS))],
      );
    const reminders: Reminder[] = [];
    for (const row of rows) {
      const deadline = this.asDate(row.answer_deadline);
      const when = `${beijingDay(deadline)} ${beijingClock(deadline)}`;
      const pending = row.status === 'pending';
      const people = pending
        ? await this.notifications.providerMembers(this.db.manager, Number(row.provider_id))
        : await this.notifications.hallManagers(this.db.manager, Number(row.hall_id));
      const notification = {
        title: '点单即将超时',
        body: pending ? `${row.hall_name}点的「${row.title}」将在 ${when} 超时，请尽快答复` : `服务方为「${row.title}」建议了新时间，将在 ${when} 超时，请尽快确认`,
        link: `pages/order/index?id=${Number(row.id)}`,
      };
      people.forEach((userId) => reminders.push({ kind: 'order.expiring', subjectId: Number(row.id), userId, notification, template: 'order_expiring', time: deadline }));
    }
    return reminders;
  }

  /** Events starting tomorrow (Beijing date), to every villager holding seats. */
  private async eventsTomorrow(): Promise<Reminder[]> {
    const tomorrow = addDays(beijingToday(this.clock.now()), 1);
    const from = new Date(`${tomorrow}T00:00:00+08:00`);
    const rows: { id: number; title: string; starts_at: Date | string; hall_name: string; user_id: number }[] = await this.db.manager.query(
      `SELECT e.id, e.title, e.starts_at, h.name AS hall_name, r.user_id
       FROM hall_events e JOIN halls h ON h.id = e.hall_id JOIN reservations r ON r.event_id = e.id
       WHERE e.status = 'scheduled' AND e.starts_at >= ? AND e.starts_at < ? AND r.status = 'reserved' AND r.user_id IS NOT NULL
       ORDER BY e.id, r.id LIMIT ${BATCH * 10}`,
      [this.db.timeParam(from), this.db.timeParam(new Date(from.getTime() + DAY_MS))],
    );
    return rows.map((row) => {
      const startsAt = this.asDate(row.starts_at);
      return {
        kind: 'event.tomorrow',
        subjectId: Number(row.id),
        userId: Number(row.user_id),
        notification: { title: '明天有活动', body: `您预约的「${row.title}」明天 ${beijingClock(startsAt)} 在${row.hall_name}开始，记得带上预约码`, link: `pages/event/index?id=${Number(row.id)}` },
        template: 'event_tomorrow',
        time: startsAt,
      };
    });
  }

  /** Events that ended lately, to villagers who checked in and have not rated. */
  private async endedEvents(): Promise<Reminder[]> {
    const now = this.clock.now();
    const rows: { id: number; title: string; ends_at: Date | string; user_id: number }[] = await this.db.manager.query(
      `SELECT e.id, e.title, e.ends_at, r.user_id
       FROM hall_events e JOIN reservations r ON r.event_id = e.id
       WHERE e.status = 'scheduled' AND e.ends_at <= ? AND e.ends_at > ? AND r.status = 'checked_in' AND r.user_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM event_ratings x WHERE x.event_id = e.id AND x.user_id = r.user_id)
       ORDER BY e.id, r.id LIMIT ${BATCH * 10}`,
      [this.db.timeParam(now), this.db.timeParam(new Date(now.getTime() - this.config.reminders.ratingDays * DAY_MS))],
    );
    return rows.map((row) => ({
      kind: 'event.rate',
      subjectId: Number(row.id),
      userId: Number(row.user_id),
      notification: { title: '请为活动打分', body: `您参加了「${row.title}」，说说感受吧，您的评价能帮礼堂点到更好的节目`, link: `pages/event/index?id=${Number(row.id)}` },
      template: 'rate_request',
      time: this.asDate(row.ends_at),
    }));
  }

  /** Orders confirmed after a recent event, to the hall's managers until one of them rates the provider. */
  private async confirmedOrders(): Promise<Reminder[]> {
    const now = this.clock.now();
    const rows: { id: number; hall_id: number; scheduled_end: Date | string; title: string }[] = await this.db.manager.query(
      `SELECT o.id, o.hall_id, o.scheduled_end, p.title
       FROM orders o JOIN service_projects p ON p.id = o.project_id
       WHERE o.status = 'confirmed' AND o.scheduled_end > ?
         AND NOT EXISTS (SELECT 1 FROM order_ratings x WHERE x.order_id = o.id AND x.side = 'hall')
       ORDER BY o.id LIMIT ${BATCH}`,
      [this.db.timeParam(new Date(now.getTime() - this.config.reminders.ratingDays * DAY_MS))],
    );
    const reminders: Reminder[] = [];
    for (const row of rows) {
      const managers = await this.notifications.hallManagers(this.db.manager, Number(row.hall_id));
      const notification = { title: '请评价服务方', body: `「${row.title}」已完成，请为服务方的内容、守时和现场效果打分`, link: `pages/order/index?id=${Number(row.id)}` };
      managers.forEach((userId) => reminders.push({ kind: 'order.rate', subjectId: Number(row.id), userId, notification, template: 'rate_request', time: this.asDate(row.scheduled_end) }));
    }
    return reminders;
  }

  /** Raw rows carry times as Date (MySQL) or UTC text (sql.js). */
  private asDate(value: Date | string): Date {
    return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
  }
}
