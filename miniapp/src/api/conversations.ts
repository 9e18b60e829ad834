import type {
  ConversationDto,
  ConversationKind,
  MarkReadResultDto,
  MessageDto,
  MessagePageDto,
  Paged,
  SendMessageInput,
  UnreadCountsDto,
} from '@hall-menu/shared';
import { request } from './request';

/** The person's conversations, the most recently active first. */
export const listConversations = (page: number, pageSize = 20) => request<Paged<ConversationDto>>('/conversations', { query: { page, pageSize } });

/** The 消息 tab badge: unread chat messages and unread inbox notifications. */
export const getUnreadCounts = () => request<UnreadCountsDto>('/conversations/unread');

/** The conversation about an order or a need response, started by the server on first use (members only). */
export const openConversation = (kind: ConversationKind, subjectId: number) =>
  request<ConversationDto>('/conversations/open', { method: 'POST', body: { kind, subjectId } });

export const getConversation = (id: number) => request<ConversationDto>(`/conversations/${id}`);

export interface MessageCursor {
  /** Older than this id (查看更早的消息). */
  before?: number;
  /** Newer than this id (catching up after the socket was down). */
  after?: number;
  limit?: number;
}

/** A page of messages, oldest first; without a cursor the newest page. */
export const getMessages = (conversationId: number, cursor: MessageCursor = {}) =>
  request<MessagePageDto>(`/conversations/${conversationId}/messages`, { query: { ...cursor } });

/**
 * Sends a message. The server stores one message per `clientMessageId`, so the same id doubles as the
 * idempotency key: the request layer may then retry a send whose answer was lost, and 重发 reuses it too.
 */
export const sendMessage = (conversationId: number, input: SendMessageInput) =>
  request<MessageDto>(`/conversations/${conversationId}/messages`, { method: 'POST', body: input, idempotencyKey: input.clientMessageId });

export const markConversationRead = (conversationId: number, upToId: number) =>
  request<MarkReadResultDto>(`/conversations/${conversationId}/read`, { method: 'POST', body: { upToId } });
