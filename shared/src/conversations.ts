import { z } from 'zod';

/** Talking (沟通对接): one conversation per order and one per need response. */
export const CONVERSATION_KINDS = ['order', 'need_response'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const MESSAGE_KINDS = ['text', 'photo', 'system'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Which side of a conversation a person speaks for; `system` lines are written by the platform for state changes. */
export const CONVERSATION_SIDES = ['hall', 'provider', 'reviewer', 'system'] as const;
export type ConversationSide = (typeof CONVERSATION_SIDES)[number];

export const CONVERSATION_SIDE_LABELS: Record<ConversationSide, string> = {
  hall: '礼堂',
  provider: '服务方',
  reviewer: '审核员',
  system: '系统',
};

export interface MessageDto {
  /** Increasing: a client that saw id X fetches `after=X` to catch up. */
  id: number;
  conversationId: number;
  kind: MessageKind;
  text: string | null;
  photoUrl: string | null;
  side: ConversationSide;
  /** Null for lines the platform wrote on its own (scheduled jobs). */
  sender: { id: number; nickname: string } | null;
  /** The sender's idempotency key, so the sender's client can match its optimistic bubble. */
  clientMessageId: string | null;
  createdAt: string;
}

export interface ConversationDto {
  id: number;
  kind: ConversationKind;
  /** The order id or the need response id. */
  subjectId: number;
  title: string;
  hall: { id: number; name: string };
  provider: { id: number; name: string };
  /** How the viewer takes part. */
  mySide: Exclude<ConversationSide, 'system'>;
  lastMessage: MessageDto | null;
  unread: number;
  /** The viewer's read cursor: messages with a larger id are unread. */
  lastReadId: number;
  /** Mini-program route of what the conversation is about. */
  subjectLink: string;
}

export interface MessagePageDto {
  /** Oldest first. */
  items: MessageDto[];
  /** More messages exist beyond this page in the direction asked (older for `before`, newer for `after`). */
  hasMore: boolean;
}

/** The 消息 tab badge: unread chat messages plus unread inbox notifications. */
export interface UnreadCountsDto {
  conversations: number;
  notifications: number;
  total: number;
}

export interface MarkReadResultDto {
  lastReadId: number;
  unread: number;
  /** Unread messages over all the viewer's conversations. */
  total: number;
}

/**
 * Frames the server pushes over the socket (`/ws?token=<access token>`). `ready` confirms the token;
 * `message` carries a stored message; `unread` follows a message or a read elsewhere; `notification` follows new
 * inbox notifications (one frame per recipient for all those one change stored); `notifications_read` follows reading
 * them on any of the person's devices; `pong` answers `{type:'ping'}`.
 */
export type RealtimeFrame =
  | { type: 'ready'; userId: number; unread: UnreadCountsDto }
  | { type: 'message'; conversationId: number; message: MessageDto }
  | { type: 'unread'; conversationId: number; unread: number; total: number }
  | NotificationFrame
  | NotificationsReadFrame
  | { type: 'pong' };

/** New inbox notifications for the recipient: the unread count after them, how many came, the newest one's title. */
export interface NotificationFrame {
  type: 'notification';
  /** Unread inbox notifications, these included. */
  unread: number;
  added: number;
  title: string;
}

/** The person read inbox notifications (on this or another device): the unread count after that. */
export interface NotificationsReadFrame {
  type: 'notifications_read';
  unread: number;
}

/**
 * Close codes of the socket. 4401: the reason is the error code; on TOKEN_EXPIRED refresh the token and reconnect,
 * otherwise sign in again. 1001: the server is restarting; reconnect with backoff (as after any other drop).
 */
export const REALTIME_CLOSE_CODES = { unauthenticated: 4401, goingAway: 1001 } as const;

const clientMessageId = z
  .string({ required_error: '缺少消息标识，请刷新后重试', invalid_type_error: '消息标识必须是文字' })
  .uuid('消息标识格式不对，请刷新后重试');

export const sendMessageSchema = z
  .object({
    clientMessageId,
    kind: z.enum(['text', 'photo'], { errorMap: () => ({ message: '只能发送文字或照片' }) }),
    text: z.string({ invalid_type_error: '消息内容必须是文字' }).trim().max(1000, '一条消息最多 1000 个字').optional(),
    photoUrl: z
      .string({ invalid_type_error: '照片地址必须是文字' })
      .regex(/^\/uploads\/[\w\-/.]+$/, '照片地址无效，请重新上传')
      .refine((url) => !url.includes('..'), '照片地址无效，请重新上传')
      .optional(),
  })
  .superRefine((m, ctx) => {
    if (m.kind === 'text' && !m.text) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['text'], message: '请输入要发送的内容' });
    if (m.kind === 'photo' && !m.photoUrl) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['photoUrl'], message: '请先上传照片' });
  });
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

const messageId = z.coerce.number({ invalid_type_error: '消息编号必须是数字' }).int('消息编号必须是整数').min(0, '消息编号不能为负');

export const messageQuerySchema = z
  .object({
    /** Older than this id (scrolling up). */
    before: messageId.optional(),
    /** Newer than this id (catching up after a reconnect). */
    after: messageId.optional(),
    limit: z.coerce.number({ invalid_type_error: '条数必须是数字' }).int('条数必须是整数').min(1, '至少 1 条').max(100, '每次最多 100 条').default(30),
  })
  .refine((q) => q.before === undefined || q.after === undefined, { message: 'before 和 after 只能选一个', path: ['after'] });
export type MessageQuery = z.infer<typeof messageQuerySchema>;

export const markReadSchema = z.object({
  upToId: z.number({ required_error: '缺少已读位置', invalid_type_error: '已读位置必须是数字' }).int('已读位置必须是整数').min(0, '已读位置不能为负'),
});
export type MarkReadInput = z.infer<typeof markReadSchema>;

export const openConversationSchema = z.object({
  kind: z.enum(CONVERSATION_KINDS, { errorMap: () => ({ message: '只能打开点单或需求响应的对话' }) }),
  subjectId: z.number({ required_error: '缺少编号', invalid_type_error: '编号必须是数字' }).int('编号必须是整数').positive('编号必须是正数'),
});
export type OpenConversationInput = z.infer<typeof openConversationSchema>;

/**
 * WeChat subscribe-message templates (订阅消息). Each is a one-time consent the mini-program asks for with
 * `wx.requestSubscribeMessage`; the server spends one consent per message it sends.
 */
export const SUBSCRIBE_TEMPLATE_KEYS = [
  'order_new',
  'order_answered',
  'order_expiring',
  'event_tomorrow',
  'rate_request',
  'project_reviewed',
  'need_matched',
] as const;
export type SubscribeTemplateKey = (typeof SUBSCRIBE_TEMPLATE_KEYS)[number];

export const SUBSCRIBE_TEMPLATE_LABELS: Record<SubscribeTemplateKey, string> = {
  order_new: '新点单提醒',
  order_answered: '点单答复通知',
  order_expiring: '点单即将超时提醒',
  event_tomorrow: '活动开始提醒',
  rate_request: '评价邀请',
  project_reviewed: '项目审核结果',
  need_matched: '需求对接成功通知',
};

/**
 * When the mini-program asks for which consents (WeChat allows at most 3 templates per request).
 * The keys name the moment; the UI asks right after the person's own tap at that moment.
 */
export const SUBSCRIBE_PROMPTS = {
  /** A hall manager placed an order. */
  orderPlaced: ['order_answered', 'rate_request'],
  /** A provider member opens their workspace or answers an order. */
  providerWorkspace: ['order_new', 'order_expiring', 'project_reviewed'],
  /** A villager reserved seats. */
  seatsReserved: ['event_tomorrow', 'rate_request'],
  /** A villager tapped 我也想看, or a provider responded to a need. */
  needFollowed: ['need_matched'],
} as const satisfies Record<string, readonly SubscribeTemplateKey[]>;

export interface SubscribeTemplateDto {
  key: SubscribeTemplateKey;
  label: string;
  /** The WeChat template id to pass to `wx.requestSubscribeMessage`; null when the server has none configured. */
  templateId: string | null;
  /** Consents not yet spent. */
  remaining: number;
}

export interface SubscriptionsDto {
  /** False when the server only logs what it would send (no WeChat credentials). */
  wechatSending: boolean;
  templates: SubscribeTemplateDto[];
}

export const subscribeConsentSchema = z.object({
  /** Template keys the person accepted in `wx.requestSubscribeMessage` (rejected ones are simply left out). */
  accepted: z
    .array(z.enum(SUBSCRIBE_TEMPLATE_KEYS, { errorMap: () => ({ message: '没有这个订阅消息模板' }) }), { required_error: '请告诉我们您同意了哪些提醒' })
    .max(SUBSCRIBE_TEMPLATE_KEYS.length, '模板太多了'),
});
export type SubscribeConsentInput = z.infer<typeof subscribeConsentSchema>;
