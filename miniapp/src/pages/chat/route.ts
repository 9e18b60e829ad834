import type { ConversationKind } from '@hall-menu/shared';

export const CHAT_PAGE = '/pages/chat/index';

/** A conversation from the 消息 list. */
export const chatUrl = (conversationId: number) => `${CHAT_PAGE}?id=${conversationId}`;

/** The conversation about an order or a need response; the chat page opens (or starts) it with POST /conversations/open. */
export const subjectChatUrl = (kind: ConversationKind, subjectId: number) => `${CHAT_PAGE}?kind=${kind}&subjectId=${subjectId}`;
