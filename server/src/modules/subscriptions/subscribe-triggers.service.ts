import { Injectable, OnModuleInit } from '@nestjs/common';
import { ORDER_STATE_LABELS, type OrderState } from '@hall-menu/shared';
import { EntityManager } from 'typeorm';
import { TransitionService, type AppliedTransition } from '../../common/transitions/transition.service';
import { afterCommit } from '../conversations/after-commit';
import { Hall } from '../halls/hall.entity';
import { Need } from '../needs/need.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { Order } from '../orders/order.entity';
import { ServiceProject } from '../projects/service-project.entity';
import { SubscribeMessageSender } from './subscribe-message.sender';

/**
 * The key moments that also go out as WeChat subscribe messages: a new order (provider), an order answered (hall),
 * a project reviewed (provider), a need matched (villagers who wanted it and the provider, who also get the inbox
 * line written here). Listens to the workflows' transitions, so their services need not know; sends after commit.
 */
@Injectable()
export class SubscribeTriggersService implements OnModuleInit {
  constructor(
    private readonly transitions: TransitionService,
    private readonly notifications: NotificationsService,
    private readonly sender: SubscribeMessageSender,
  ) {}

  onModuleInit(): void {
    this.transitions.onApplied('order', (m, applied) => this.onOrder(m, applied));
    this.transitions.onApplied('project', (m, applied) => this.onProject(m, applied));
    this.transitions.onApplied('need', (m, applied) => this.onNeed(m, applied));
  }

  private async onOrder(m: EntityManager, applied: AppliedTransition): Promise<void> {
    const answered = ['accept', 'propose', 'decline'].includes(applied.event);
    if (applied.event !== 'create' && !answered) return;
    const order = await m.findOneByOrFail(Order, { id: applied.entityId });
    const [project, hall] = await Promise.all([m.findOneByOrFail(ServiceProject, { id: order.projectId }), m.findOneByOrFail(Hall, { id: order.hallId })]);
    const page = `pages/order/index?id=${order.id}`;
    if (applied.event === 'create') {
      const members = await this.notifications.providerMembers(m, order.providerId);
      afterCommit(m, () => this.sender.sendToAll(members, 'order_new', { title: `${hall.name}点单`, body: project.title, time: order.answerDeadline, page }));
      return;
    }
    const managers = await this.notifications.hallManagers(m, order.hallId);
    afterCommit(m, () =>
      this.sender.sendToAll(managers, 'order_answered', {
        title: `点单${ORDER_STATE_LABELS[applied.toState as OrderState]}`,
        body: project.title,
        time: order.scheduledStart ?? order.proposedStart,
        page,
      }),
    );
  }

  private async onProject(m: EntityManager, applied: AppliedTransition): Promise<void> {
    if (applied.event !== 'approve' && applied.event !== 'reject') return;
    const project = await m.findOneByOrFail(ServiceProject, { id: applied.entityId });
    const members = await this.notifications.providerMembers(m, project.providerId);
    const title = applied.event === 'approve' ? '项目已通过审核并上架' : `项目未通过审核${applied.reason ? `：${applied.reason}` : ''}`;
    afterCommit(m, () => this.sender.sendToAll(members, 'project_reviewed', { title, body: project.title, page: `pages/project/index?id=${project.id}` }));
  }

  /** No inbox line existed for a matched need: written here, in the matching transaction. */
  private async onNeed(m: EntityManager, applied: AppliedTransition): Promise<void> {
    if (applied.event !== 'match') return;
    const need = await m.findOneByOrFail(Need, { id: applied.entityId });
    const order = need.matchedOrderId !== null ? await m.findOneBy(Order, { id: need.matchedOrderId }) : null;
    const project = order ? await m.findOneByOrFail(ServiceProject, { id: order.projectId }) : null;
    const upvoters: { user_id: number }[] = await m.query('SELECT user_id FROM need_upvotes WHERE need_id = ?', [need.id]);
    const villagers = upvoters.map((r) => Number(r.user_id));
    const providers = order ? await this.notifications.providerMembers(m, order.providerId) : [];
    const link = `pages/need/index?id=${need.id}`;
    const body = project ? `「${need.title}」已对接到「${project.title}」` : `「${need.title}」已对接成功`;
    await this.notifications.notify(m, villagers, { kind: 'need.matched', title: '您想看的节目有着落了', body, link });
    await this.notifications.notify(m, providers, { kind: 'need.matched', title: '需求对接成功', body, link: order ? `pages/order/index?id=${order.id}` : link });
    afterCommit(m, () => this.sender.sendToAll([...villagers, ...providers], 'need_matched', { title: '需求对接成功', body: need.title, page: link }));
  }
}
