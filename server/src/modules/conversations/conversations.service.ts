import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  ErrorCode,
  ORDER_EVENT_LABELS,
  type ConversationDto,
  type ConversationKind,
  type ConversationSide,
  type MarkReadResultDto,
  type MessageDto,
  type MessageKind,
  type MessagePageDto,
  type MessageQuery,
  type OpenConversationInput,
  type OrderEvent,
  type OrderState,
  type PageQuery,
  type Paged,
  type SendMessageInput,
  type UnreadCountsDto,
} from '@hall-menu/shared';
import { access } from 'node:fs/promises';
import * as path from 'node:path';
import { EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { DomainError, notFound, outOfScope } from '../../common/errors/domain-error';
import { SensitiveWordsService } from '../../common/sensitive-words/sensitive-words.service';
import { TransitionService, type AppliedTransition } from '../../common/transitions/transition.service';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DatabaseService } from '../../database/database.service';
import { WechatClient } from '../auth/wechat.client';
import { Hall } from '../halls/hall.entity';
import { NeedResponse } from '../needs/need-response.entity';
import { Need } from '../needs/need.entity';
import { Order } from '../orders/order.entity';
import { ServiceProject } from '../projects/service-project.entity';
import { Provider } from '../providers/provider.entity';
import { ScopeService } from '../users/scope.service';
import { afterCommit } from './after-commit';
import { ConversationRead } from './conversation-read.entity';
import { Conversation } from './conversation.entity';
import { Message } from './message.entity';
import { RealtimeBus } from './realtime-bus';

type MemberSide = Exclude<ConversationSide, 'system'>;

/** Order states in which a reviewer of the region joins the order's conversation. */
const DISPUTE_STATES: readonly OrderState[] = ['disputed', 'no_show_reported'];

const ACTOR_LABELS: Record<string, string> = { hall_manager: '礼堂', provider: '服务方', reviewer: '审核员', admin: '平台管理员', system: '系统' };

/** Where a person's conversations are: the halls they manage, the providers they belong to, the region they review. */
interface PersonScope {
  userId: number;
  hallIds: number[];
  providerIds: number[];
  /** Region subtree whose disputed orders' conversations they join; '' = everywhere, null = none. */
  reviewRoot: string | null;
}

interface NewMessage {
  kind: MessageKind;
  senderId: number | null;
  senderSide: ConversationSide;
  text: string | null;
  photoUrl: string | null;
  clientMessageId: string | null;
}

const beijing = (d: Date) => new Date(new Date(d).getTime() + 8 * 3_600_000);
const pad = (n: number) => String(n).padStart(2, '0');
const dayLabel = (d: Date) => `${beijing(d).getUTCMonth() + 1}月${beijing(d).getUTCDate()}日`;
const clockLabel = (d: Date) => `${pad(beijing(d).getUTCHours())}:${pad(beijing(d).getUTCMinutes())}`;
const slotLabel = (start: Date | null, end: Date | null) =>
  start && end ? `${dayLabel(start)} ${clockLabel(start)}–${dayLabel(end) === dayLabel(start) ? '' : `${dayLabel(end)} `}${clockLabel(end)}` : '待定';

/**
 * Conversations between a hall's managers and a provider's members about an order or a need response: membership
 * from the scope tables, text and photo messages (checked before storing, idempotent per client id), system lines
 * for order state changes written in the transition's transaction, read cursors and unread counts. Every stored
 * message is pushed afterwards to the members' sockets through the realtime bus.
 */
@Injectable()
export class ConversationsService implements OnModuleInit {
  private readonly logger = new Logger(ConversationsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DatabaseService,
    private readonly scope: ScopeService,
    private readonly transitions: TransitionService,
    private readonly clock: Clock,
    private readonly words: SensitiveWordsService,
    private readonly wechat: WechatClient,
    private readonly bus: RealtimeBus,
  ) {}

  onModuleInit(): void {
    this.transitions.onApplied('order', (m, applied) => this.writeOrderLine(m, applied));
  }

  /** The conversation of an order or a need response, started on first use; only its members may open it. */
  async open(user: AuthUser, input: OpenConversationInput): Promise<ConversationDto> {
    const existing = await this.db.manager.findOne(Conversation, { where: { kind: input.kind, subjectId: input.subjectId } });
    const between = existing ?? { ...(await this.subjectFacts(this.db.manager, input.kind, input.subjectId)), kind: input.kind, subjectId: input.subjectId };
    if (!(await this.sideOf(user, between))) {
      throw outOfScope(input.kind === 'order' ? '这不是您的点单，不能查看它的对话' : '这不是您的需求或响应，不能查看它的对话');
    }
    const conversation = existing ?? (await this.db.transaction((m) => this.findOrCreate(m, input.kind, input.subjectId)));
    return (await this.toDtos(await this.scopeOf(user), [conversation]))[0];
  }

  async get(user: AuthUser, id: number): Promise<ConversationDto> {
    const { conversation } = await this.accessible(user, id);
    return (await this.toDtos(await this.scopeOf(user), [conversation]))[0];
  }

  /** The person's conversations, the most recently active first, each with its last message and unread count. */
  async list(user: AuthUser, query: PageQuery): Promise<Paged<ConversationDto>> {
    const scope = await this.scopeOf(user);
    const mine = this.mineClause(scope);
    if (!mine) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const [rows, total] = await this.db.manager
      .createQueryBuilder(Conversation, 'c')
      .where(mine.sql, mine.params)
      .orderBy('COALESCE(c.last_message_id, 0)', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: await this.toDtos(scope, rows), total, page: query.page, pageSize: query.pageSize };
  }

  /** Messages by cursor: the newest page, older than `before`, or newer than `after` (catching up after a reconnect). */
  async messages(user: AuthUser, id: number, query: MessageQuery): Promise<MessagePageDto> {
    await this.accessible(user, id);
    const qb = this.db.manager.createQueryBuilder(Message, 'msg').where('msg.conversation_id = :id', { id });
    if (query.after !== undefined) {
      qb.andWhere('msg.id > :after', { after: query.after }).orderBy('msg.id', 'ASC');
    } else {
      if (query.before !== undefined) qb.andWhere('msg.id < :before', { before: query.before });
      qb.orderBy('msg.id', 'DESC');
    }
    const rows = await qb.take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    if (query.after === undefined) page.reverse();
    return { items: await this.messageDtos(page), hasMore: rows.length > query.limit };
  }

  /**
   * Stores a text or photo message, then pushes it. The same `clientMessageId` again (a retry on a weak network)
   * returns the stored message. Text passes the sensitive-word check (and WeChat's, when configured) first.
   */
  async send(user: AuthUser, id: number, input: SendMessageInput): Promise<MessageDto> {
    const { conversation, side } = await this.accessible(user, id);
    const earlier = await this.retried(user.id, input.clientMessageId, id);
    if (earlier) return earlier;
    if (input.kind === 'text') await this.assertTextAllowed(user.id, input.text!);
    if (input.kind === 'photo') await this.assertUploaded(input.photoUrl!);
    let message: Message;
    try {
      message = await this.db.transaction(async (m) => {
        const stored = await this.append(m, conversation, {
          kind: input.kind,
          senderId: user.id,
          senderSide: side,
          text: input.kind === 'text' ? input.text! : null,
          photoUrl: input.kind === 'photo' ? input.photoUrl! : null,
          clientMessageId: input.clientMessageId,
        });
        // Writing in a conversation means having read it.
        await this.advanceCursor(m, conversation.id, user.id, stored.id);
        return stored;
      });
    } catch (error) {
      // A concurrent retry with the same id stored it first; ours rolled back.
      const winner = isDuplicateKey(error) ? await this.retried(user.id, input.clientMessageId, id) : null;
      if (!winner) throw error;
      return winner;
    }
    const dto = (await this.messageDtos([message]))[0];
    afterCommit(this.db.manager, () => this.push(conversation, dto));
    return dto;
  }

  /** Moves the person's read cursor forward (never back) and tells their other devices the new counts. */
  async markRead(user: AuthUser, id: number, upToId: number): Promise<MarkReadResultDto> {
    const { conversation } = await this.accessible(user, id);
    const target = Math.min(upToId, conversation.lastMessageId ?? 0);
    await this.db.transaction((m) => this.advanceCursor(m, id, user.id, target));
    const cursor = await this.db.manager.findOne(ConversationRead, { where: { conversationId: id, userId: user.id } });
    const scope = await this.scopeOf(user);
    const [unread, total] = await Promise.all([this.unreadIn(id, user.id), this.totalUnread(scope)]);
    afterCommit(this.db.manager, () => this.bus.publish({ userIds: [user.id], frame: { type: 'unread', conversationId: id, unread, total } }));
    return { lastReadId: cursor?.lastReadId ?? 0, unread, total };
  }

  /** The 消息 tab badge. Two indexed counts. */
  async unreadCounts(user: Pick<AuthUser, 'id' | 'roles'>): Promise<UnreadCountsDto> {
    const [conversations, rows] = await Promise.all([
      this.totalUnread(await this.scopeOf(user)),
      this.db.manager.query('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL', [user.id]) as Promise<{ n: number | string }[]>,
    ]);
    const notifications = Number(rows[0]?.n ?? 0);
    return { conversations, notifications, total: conversations + notifications };
  }

  /** A system line for every order state change, in the transaction that applied it; pushed once it commits. */
  private async writeOrderLine(m: EntityManager, applied: AppliedTransition): Promise<void> {
    const order = await m.findOneByOrFail(Order, { id: applied.entityId });
    const conversation = await this.findOrCreate(m, 'order', order.id);
    const message = await this.append(m, conversation, {
      kind: 'system',
      senderId: applied.actorId,
      senderSide: 'system',
      text: (await this.describeOrderChange(m, order, applied)).slice(0, 1000),
      photoUrl: null,
      clientMessageId: null,
    });
    afterCommit(m, async () => this.push(conversation, (await this.messageDtos([message]))[0]));
  }

  private async describeOrderChange(m: EntityManager, order: Order, applied: AppliedTransition): Promise<string> {
    const actor = ACTOR_LABELS[applied.actorRole] ?? '';
    const event = applied.event as OrderEvent | 'create';
    const reason = applied.reason ? `，原因：${applied.reason}` : '';
    let line: string;
    switch (event) {
      case 'create': {
        const [project, hall] = await Promise.all([m.findOneByOrFail(ServiceProject, { id: order.projectId }), m.findOneByOrFail(Hall, { id: order.hallId })]);
        const windows = order.windows.map((w) => (w.from === w.to ? w.from : `${w.from} 至 ${w.to}`)).join('、');
        line = `${hall.name}点了「${project.title}」，希望的日期：${windows}，预计 ${order.expectedAudience} 人，等待服务方答复`;
        break;
      }
      case 'accept':
      case 'agree':
        line = `${actor}${ORDER_EVENT_LABELS[event]}：${slotLabel(order.scheduledStart, order.scheduledEnd)}`;
        break;
      case 'propose':
        line = `服务方建议改到 ${slotLabel(order.proposedStart, order.proposedEnd)}${order.proposalNote ? `，说明：${order.proposalNote}` : ''}`;
        break;
      case 'complete':
        line = `服务方报告完成，到场 ${order.headCount ?? 0} 人`;
        break;
      case 'expire':
        line = '服务方未在期限内答复，点单已超时';
        break;
      case 'auto_confirm':
        line = '礼堂未在期限内确认，系统已自动确认服务完成';
        break;
      default:
        line = `${actor}${ORDER_EVENT_LABELS[event]}`;
    }
    const joins = DISPUTE_STATES.includes(applied.toState as OrderState) ? '。所在地区的审核员已加入对话' : '';
    return `${line}${reason}${joins}`;
  }

  /**
   * Appends a message. The conversation's row is updated first: that row lock makes the messages of one conversation
   * commit in id order, so a client that has seen id X never later misses a smaller id.
   */
  private async append(m: EntityManager, conversation: Conversation, input: NewMessage): Promise<Message> {
    // Whole seconds, as a MySQL datetime keeps them: the pushed message equals the one fetched later.
    const now = new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000);
    await m.update(Conversation, { id: conversation.id }, { lastMessageAt: now });
    const message = m.create(Message, { ...input, conversationId: conversation.id, createdAt: now });
    const { identifiers } = await m.insert(Message, message);
    message.id = Number(identifiers[0].id);
    await m.update(Conversation, { id: conversation.id }, { lastMessageId: message.id });
    conversation.lastMessageId = message.id;
    return message;
  }

  private async advanceCursor(m: EntityManager, conversationId: number, userId: number, upTo: number): Promise<void> {
    const now = this.clock.now();
    const forward = () =>
      m
        .createQueryBuilder()
        .update(ConversationRead)
        .set({ lastReadId: upTo, updatedAt: now })
        .where('conversation_id = :conversationId AND user_id = :userId AND last_read_id < :upTo', { conversationId, userId, upTo })
        .execute();
    if ((await forward()).affected) return;
    if (await m.exists(ConversationRead, { where: { conversationId, userId } })) return;
    try {
      await m.insert(ConversationRead, { conversationId, userId, lastReadId: upTo, updatedAt: now });
    } catch (error) {
      // Another device of the same person created the cursor meanwhile.
      if (!isDuplicateKey(error)) throw error;
      await forward();
    }
  }

  /** Stores the conversation of a subject unless it exists; a concurrent creator's row wins the unique key. */
  private async findOrCreate(m: EntityManager, kind: ConversationKind, subjectId: number): Promise<Conversation> {
    const existing = await m.findOne(Conversation, { where: { kind, subjectId } });
    if (existing) return existing;
    const facts = await this.subjectFacts(m, kind, subjectId);
    const conversation = m.create(Conversation, { kind, subjectId, ...facts, lastMessageId: null, lastMessageAt: null, createdAt: this.clock.now() });
    try {
      const { identifiers } = await m.insert(Conversation, conversation);
      conversation.id = Number(identifiers[0].id);
      return conversation;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return m.findOneByOrFail(Conversation, { kind, subjectId });
    }
  }

  /** Who the subject is between, and what to call the conversation. */
  private async subjectFacts(m: EntityManager, kind: ConversationKind, subjectId: number): Promise<{ hallId: number; providerId: number; title: string }> {
    if (kind === 'order') {
      const order = await m.findOne(Order, { where: { id: subjectId } });
      if (!order) throw notFound('点单', { id: subjectId });
      const [project, hall] = await Promise.all([m.findOneByOrFail(ServiceProject, { id: order.projectId }), m.findOneByOrFail(Hall, { id: order.hallId })]);
      return { hallId: order.hallId, providerId: order.providerId, title: `${project.title} · ${hall.name}`.slice(0, 80) };
    }
    const response = await m.findOne(NeedResponse, { where: { id: subjectId } });
    if (!response) throw notFound('需求响应', { id: subjectId });
    const need = await m.findOneByOrFail(Need, { id: response.needId });
    const provider = await m.findOneByOrFail(Provider, { id: response.providerId });
    return { hallId: need.hallId, providerId: response.providerId, title: `需求「${need.title}」· ${provider.name}`.slice(0, 80) };
  }

  /** The conversation and the side the person speaks for, or 404/403 in words the person understands. */
  private async accessible(user: AuthUser, id: number): Promise<{ conversation: Conversation; side: MemberSide }> {
    const conversation = await this.db.manager.findOne(Conversation, { where: { id } });
    if (!conversation) throw notFound('对话', { id });
    const side = await this.sideOf(user, conversation);
    if (!side) throw outOfScope('您不是这个对话的成员，不能查看或发送消息');
    return { conversation, side };
  }

  private async sideOf(user: Pick<AuthUser, 'id' | 'roles'>, c: Pick<Conversation, 'kind' | 'subjectId' | 'hallId' | 'providerId'>): Promise<MemberSide | null> {
    const linked = async (table: 'hall_managers' | 'provider_members', column: 'hall_id' | 'provider_id', value: number) =>
      ((await this.db.manager.query(`SELECT 1 AS yes FROM ${table} WHERE ${column} = ? AND user_id = ?`, [value, user.id])) as unknown[]).length > 0;
    if (user.roles.includes('hall_manager') && (await linked('hall_managers', 'hall_id', c.hallId))) return 'hall';
    if (user.roles.includes('provider') && (await linked('provider_members', 'provider_id', c.providerId))) return 'provider';
    if ((user.roles.includes('reviewer') || user.roles.includes('admin')) && c.kind === 'order') {
      const dispute = await this.openDispute(c.subjectId);
      if (dispute && (await this.scope.oversees(user as AuthUser, [dispute.villageCode]))) return 'reviewer';
    }
    return null;
  }

  /** The order's hall village while a dispute about it is open. */
  private async openDispute(orderId: number): Promise<{ villageCode: string } | null> {
    const rows: { status: OrderState; village_code: string }[] = await this.db.manager.query(
      'SELECT o.status, h.village_code FROM orders o JOIN halls h ON h.id = o.hall_id WHERE o.id = ?',
      [orderId],
    );
    return rows[0] && DISPUTE_STATES.includes(rows[0].status) ? { villageCode: rows[0].village_code } : null;
  }

  /** Everyone who receives the conversation's messages now. */
  private async memberIds(c: Conversation): Promise<number[]> {
    const rows: { user_id: number }[] = await this.db.manager.query(
      `SELECT hm.user_id FROM hall_managers hm JOIN user_roles r ON r.user_id = hm.user_id AND r.role = 'hall_manager' WHERE hm.hall_id = ?
       UNION SELECT pm.user_id FROM provider_members pm JOIN user_roles r ON r.user_id = pm.user_id AND r.role = 'provider' WHERE pm.provider_id = ?`,
      [c.hallId, c.providerId],
    );
    const ids = rows.map((r) => Number(r.user_id));
    const dispute = c.kind === 'order' ? await this.openDispute(c.subjectId) : null;
    if (dispute) {
      const overseers: { user_id: number; role: string; region_code: string | null }[] = await this.db.manager.query(
        "SELECT user_id, role, region_code FROM user_roles WHERE role IN ('reviewer', 'admin')",
      );
      // The same rule as ScopeService.oversightRegion: an admin row wins, an admin without a region oversees everything.
      const roots = new Map<number, string | null>();
      for (const row of overseers) {
        const userId = Number(row.user_id);
        if (row.role === 'admin') roots.set(userId, row.region_code ?? '');
        else if (!roots.has(userId)) roots.set(userId, row.region_code);
      }
      roots.forEach((root, userId) => {
        if (root !== null && dispute.villageCode.startsWith(root)) ids.push(userId);
      });
    }
    return [...new Set(ids)];
  }

  private async scopeOf(user: Pick<AuthUser, 'id' | 'roles'>): Promise<PersonScope> {
    const [hallIds, providerRows, reviewRoot] = await Promise.all([
      user.roles.includes('hall_manager') ? this.scope.managedHallIds(user.id) : Promise.resolve([]),
      user.roles.includes('provider')
        ? (this.db.manager.query('SELECT provider_id FROM provider_members WHERE user_id = ?', [user.id]) as Promise<{ provider_id: number }[]>)
        : Promise.resolve([]),
      this.scope.oversightRegion(user as AuthUser),
    ]);
    return { userId: user.id, hallIds, providerIds: providerRows.map((r) => Number(r.provider_id)), reviewRoot };
  }

  /** SQL matching the conversations (alias `c`) a person is a member of, or null when they have none. */
  private mineClause(scope: PersonScope): { sql: string; params: Record<string, unknown> } | null {
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    if (scope.hallIds.length) {
      parts.push('c.hall_id IN (:...mineHallIds)');
      params.mineHallIds = scope.hallIds;
    }
    if (scope.providerIds.length) {
      parts.push('c.provider_id IN (:...mineProviderIds)');
      params.mineProviderIds = scope.providerIds;
    }
    if (scope.reviewRoot !== null) {
      parts.push(
        `(c.kind = 'order' AND EXISTS (SELECT 1 FROM orders o JOIN halls h ON h.id = o.hall_id
          WHERE o.id = c.subject_id AND o.status IN (${DISPUTE_STATES.map((s) => `'${s}'`).join(', ')}) AND h.village_code LIKE :mineReviewRoot))`,
      );
      // Region codes are digits: nothing to escape.
      params.mineReviewRoot = `${scope.reviewRoot}%`;
    }
    return parts.length ? { sql: `(${parts.join(' OR ')})`, params } : null;
  }

  /** Unread over all the person's conversations: messages from others after their read cursor. */
  private async totalUnread(scope: PersonScope): Promise<number> {
    const mine = this.mineClause(scope);
    if (!mine) return 0;
    const row = await this.unreadQuery(scope.userId).andWhere(mine.sql, mine.params).getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }

  private async unreadIn(conversationId: number, userId: number): Promise<number> {
    const row = await this.unreadQuery(userId).andWhere('c.id = :conversationId', { conversationId }).getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }

  private unreadQuery(userId: number) {
    return this.db.manager
      .createQueryBuilder()
      .select('COUNT(*)', 'n')
      .from(Message, 'msg')
      .innerJoin(Conversation, 'c', 'c.id = msg.conversation_id')
      .leftJoin(ConversationRead, 'r', 'r.conversation_id = c.id AND r.user_id = :reader', { reader: userId })
      .where('msg.id > COALESCE(r.last_read_id, 0)')
      .andWhere('(msg.sender_id IS NULL OR msg.sender_id <> :reader)');
  }

  /** A retry of a message the person already stored (same client id). */
  private async retried(userId: number, clientMessageId: string, conversationId: number): Promise<MessageDto | null> {
    const earlier = await this.db.manager.findOne(Message, { where: { senderId: userId, clientMessageId } });
    if (!earlier) return null;
    if (earlier.conversationId !== conversationId) throw new DomainError(ErrorCode.Conflict, '消息标识已用于另一条消息，请刷新后重试');
    return (await this.messageDtos([earlier]))[0];
  }

  private async assertTextAllowed(userId: number, text: string): Promise<void> {
    this.words.assertClean({ text });
    if (!this.wechat.configured) return;
    const rows: { wechat_openid: string | null }[] = await this.db.manager.query('SELECT wechat_openid FROM users WHERE id = ?', [userId]);
    const openid = rows[0]?.wechat_openid;
    // People signed in with an account and password have no openid; the word list above is their check.
    if (!openid) return;
    let verdict: string;
    try {
      verdict = await this.wechat.checkText(openid, text);
    } catch (error) {
      // The word list already passed; a WeChat outage should not stop people from talking.
      this.logger.warn({ msg: 'msg_sec_check unavailable, message allowed on the word list alone', err: String(error) });
      return;
    }
    if (verdict === 'risky') {
      const message = '内容未通过微信内容安全检测，请修改后再发送';
      throw new DomainError(ErrorCode.SensitiveContent, message, { fields: [{ field: 'text', message }] });
    }
    if (verdict === 'review') this.logger.log({ msg: 'msg_sec_check suggests review; message allowed', userId });
  }

  /** A photo message shows a file `/api/uploads` stored, nothing else. */
  private async assertUploaded(url: string): Promise<void> {
    const root = path.resolve(this.config.uploads.dir);
    const file = path.resolve(root, url.slice('/uploads/'.length));
    const stored = file.startsWith(`${root}${path.sep}`) && (await access(file).then(() => true, () => false));
    if (!stored) throw new DomainError(ErrorCode.ValidationFailed, '照片不存在，请重新上传', { fields: [{ field: 'photoUrl', message: '照片不存在，请重新上传' }] });
  }

  /** Pushes a stored message to every member, then each other member's new unread counts. */
  private async push(conversation: Conversation, message: MessageDto): Promise<void> {
    const members = await this.memberIds(conversation);
    await this.bus.publish({ userIds: members, frame: { type: 'message', conversationId: conversation.id, message } });
    const rolesRows: { user_id: number; role: string }[] = members.length
      ? await this.db.manager.query(`SELECT user_id, role FROM user_roles WHERE user_id IN (${members.map(() => '?').join(', ')})`, members)
      : [];
    for (const userId of members.filter((id) => id !== message.sender?.id)) {
      const roles = rolesRows.filter((r) => Number(r.user_id) === userId).map((r) => r.role) as AuthUser['roles'];
      const [unread, total] = await Promise.all([this.unreadIn(conversation.id, userId), this.totalUnread(await this.scopeOf({ id: userId, roles }))]);
      await this.bus.publish({ userIds: [userId], frame: { type: 'unread', conversationId: conversation.id, unread, total } });
    }
  }

  private async toDtos(scope: PersonScope, conversations: Conversation[]): Promise<ConversationDto[]> {
    if (conversations.length === 0) return [];
    const ids = conversations.map((c) => c.id);
    const lastIds = conversations.map((c) => c.lastMessageId).filter((id): id is number => id !== null);
    const [lastMessages, halls, providers, cursors, unreadRows] = await Promise.all([
      lastIds.length ? this.db.manager.find(Message, { where: { id: In(lastIds) } }) : Promise.resolve([]),
      this.db.manager.find(Hall, { where: { id: In([...new Set(conversations.map((c) => c.hallId))]) } }),
      this.db.manager.find(Provider, { where: { id: In([...new Set(conversations.map((c) => c.providerId))]) } }),
      this.db.manager.find(ConversationRead, { where: { userId: scope.userId, conversationId: In(ids) } }),
      this.unreadQuery(scope.userId)
        .addSelect('c.id', 'conversationId')
        .andWhere('c.id IN (:...ids)', { ids })
        .groupBy('c.id')
        .getRawMany<{ n: number | string; conversationId: number | string }>(),
    ]);
    const responseIds = conversations.filter((c) => c.kind === 'need_response').map((c) => c.subjectId);
    const responses = responseIds.length ? await this.db.manager.find(NeedResponse, { where: { id: In(responseIds) } }) : [];
    const subjectLink = (c: Conversation) =>
      c.kind === 'order' ? `pages/order/index?id=${c.subjectId}` : `pages/need/index?id=${responses.find((r) => r.id === c.subjectId)?.needId ?? ''}`;
    const lastDtos = new Map((await this.messageDtos(lastMessages)).map((d) => [d.id, d]));
    return conversations.map((c) => ({
      id: c.id,
      kind: c.kind,
      subjectId: c.subjectId,
      title: c.title,
      hall: { id: c.hallId, name: halls.find((h) => h.id === c.hallId)?.name ?? '' },
      provider: { id: c.providerId, name: providers.find((p) => p.id === c.providerId)?.name ?? '' },
      mySide: scope.hallIds.includes(c.hallId) ? 'hall' : scope.providerIds.includes(c.providerId) ? 'provider' : 'reviewer',
      lastMessage: c.lastMessageId !== null ? (lastDtos.get(c.lastMessageId) ?? null) : null,
      unread: Number(unreadRows.find((r) => Number(r.conversationId) === c.id)?.n ?? 0),
      lastReadId: cursors.find((r) => r.conversationId === c.id)?.lastReadId ?? 0,
      subjectLink: subjectLink(c),
    }));
  }

  private async messageDtos(messages: Message[]): Promise<MessageDto[]> {
    const senderIds = [...new Set(messages.map((m) => m.senderId).filter((id): id is number => id !== null))];
    const names: { id: number; nickname: string }[] = senderIds.length
      ? await this.db.manager.query(`SELECT id, nickname FROM users WHERE id IN (${senderIds.map(() => '?').join(', ')})`, senderIds)
      : [];
    return messages.map((m) => ({
      id: m.id,
      conversationId: m.conversationId,
      kind: m.kind,
      text: m.text,
      photoUrl: m.photoUrl,
      side: m.senderSide,
      sender: m.senderId === null ? null : { id: m.senderId, nickname: names.find((n) => Number(n.id) === m.senderId)?.nickname ?? '' },
      clientMessageId: m.clientMessageId,
      createdAt: new Date(m.createdAt).toISOString(),
    }));
  }
}
