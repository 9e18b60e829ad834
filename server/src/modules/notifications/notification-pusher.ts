import { Injectable, Logger } from '@nestjs/common';
import type { NotificationFrame } from '@hall-menu/shared';
import { DatabaseService } from '../../database/database.service';
import { RealtimeBus } from '../conversations/realtime-bus';

interface Arrival {
  added: number;
  /** The newest notification's title. */
  title: string;
}

/** Users per count query, so a notification to a whole village stays a few short IN lists. */
const COUNT_CHUNK = 500;

/**
 * Pushes new inbox notifications to the recipients' sockets, on whichever instance holds them. Everything committed
 * in one turn of the event loop (the after-commit work of one transaction runs in one go) becomes one frame per
 * recipient, carrying the unread count read after the commit.
 */
@Injectable()
export class NotificationPusher {
  private readonly logger = new Logger(NotificationPusher.name);
  private arrivals = new Map<number, Arrival>();
  private scheduled = false;
  /** Pushes go out one after another, so a recipient never gets an older count after a newer one from here. */
  private previous: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: DatabaseService,
    private readonly bus: RealtimeBus,
  ) {}

  /** Call once the notifications are committed. */
  arrived(userIds: number[], title: string): void {
    for (const userId of userIds) {
      const known = this.arrivals.get(userId);
      this.arrivals.set(userId, { added: (known?.added ?? 0) + 1, title });
    }
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const arrivals = this.arrivals;
      this.arrivals = new Map();
      this.previous = this.previous.then(() =>
        // A failed push costs a badge until the next fetch (app show, tab show, reconnect), never the change itself.
        this.push(arrivals).catch((error: unknown) => this.logger.error({ msg: 'notification push failed', recipients: arrivals.size, err: String(error) })),
      );
    });
  }

  /** The person read notifications: every device of theirs shows the new count (best effort, like every push). */
  read(userId: number, unread: number): void {
    this.previous = this.previous.then(() =>
      this.bus.publish({ userIds: [userId], frame: { type: 'notifications_read', unread } }).catch((error: unknown) =>
        this.logger.error({ msg: 'notification read push failed', err: String(error) }),
      ),
    );
  }

  private async push(arrivals: Map<number, Arrival>): Promise<void> {
    const unread = await this.unreadCounts([...arrivals.keys()]);
    // Recipients with the same frame (most of a broadcast) share one bus message.
    const envelopes = new Map<string, { userIds: number[]; frame: NotificationFrame }>();
    arrivals.forEach(({ added, title }, userId) => {
      const frame: NotificationFrame = { type: 'notification', unread: unread.get(userId) ?? 0, added, title };
      const key = JSON.stringify(frame);
      const envelope = envelopes.get(key);
      if (envelope) envelope.userIds.push(userId);
      else envelopes.set(key, { userIds: [userId], frame });
    });
    await Promise.all([...envelopes.values()].map((envelope) => this.bus.publish(envelope)));
  }

  /** Read from the primary: the notifications were just committed there. */
  private async unreadCounts(userIds: number[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    for (let start = 0; start < userIds.length; start += COUNT_CHUNK) {
      const chunk = userIds.slice(start, start + COUNT_CHUNK);
      const rows: { user_id: number | string; n: number | string }[] = await this.db.manager.query(
        `SELECT user_id, COUNT(*) AS n FROM notifications WHERE read_at IS NULL AND user_id IN (${chunk.map(() => '?').join(', ')}) GROUP BY user_id`,
        chunk,
      );
      rows.forEach((row) => counts.set(Number(row.user_id), Number(row.n)));
    }
    return counts;
  }
}
