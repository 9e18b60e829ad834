import { Injectable } from '@nestjs/common';
import type { InboxDto, PageQuery } from '@hall-menu/shared';
import { EntityManager, IsNull } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { notFound } from '../../common/errors/domain-error';
import { DatabaseService } from '../../database/database.service';
import { afterCommit } from '../conversations/after-commit';
import { NotificationPusher } from './notification-pusher';
import { Notification } from './notification.entity';

export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
}

/**
 * The in-app inbox. Notifications are written in the transaction of the change they report, so they never lie, and
 * pushed to the recipients' open apps once that transaction commits.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly pusher: NotificationPusher,
  ) {}

  async notify(m: EntityManager, userIds: number[], input: NotificationInput): Promise<void> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return;
    await m.insert(Notification, unique.map((userId) => ({ userId, kind: input.kind, title: input.title, body: input.body, link: input.link ?? null })));
    afterCommit(m, async () => this.pusher.arrived(unique, input.title));
  }

  /** Everyone who manages a hall. */
  async hallManagers(m: EntityManager, hallId: number): Promise<number[]> {
    const rows: { user_id: number }[] = await m.query('SELECT user_id FROM hall_managers WHERE hall_id = ?', [hallId]);
    return rows.map((r) => Number(r.user_id));
  }

  /** Everyone who acts for a provider organisation. */
  async providerMembers(m: EntityManager, providerId: number): Promise<number[]> {
    const rows: { user_id: number }[] = await m.query('SELECT user_id FROM provider_members WHERE provider_id = ?', [providerId]);
    return rows.map((r) => Number(r.user_id));
  }

  async inbox(user: AuthUser, query: PageQuery): Promise<InboxDto> {
    const [items, total] = await this.db.manager.findAndCount(Notification, {
      where: { userId: user.id },
      order: { id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const unread = await this.db.manager.count(Notification, { where: { userId: user.id, readAt: IsNull() } });
    return {
      items: items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, read: n.readAt !== null, createdAt: new Date(n.createdAt).toISOString() })),
      unread,
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async markRead(user: AuthUser, id: number | 'all'): Promise<{ unread: number }> {
    await this.db.transaction(async (m) => {
      if (id === 'all') return void (await m.update(Notification, { userId: user.id, readAt: IsNull() }, { readAt: new Date() }));
      const result = await m.update(Notification, { id, userId: user.id, readAt: IsNull() }, { readAt: new Date() });
      if (result.affected === 0 && !(await m.exists(Notification, { where: { id, userId: user.id } }))) throw notFound('消息', { id });
    });
    const unread = await this.db.manager.count(Notification, { where: { userId: user.id, readAt: IsNull() } });
    this.pusher.read(user.id, unread);
    return { unread };
  }
}
