import { useRouter } from '@tarojs/taro';
import { CONVERSATION_KINDS, ErrorCode, type ConversationDto, type ConversationKind } from '@hall-menu/shared';
import { ApiError } from '../../api/api-error';
import { getConversation, openConversation } from '../../api/conversations';
import { PageShell } from '../../components/PageShell';
import { AsyncContent, LoginPrompt } from '../../components/StateViews';
import { useAsync } from '../../hooks/use-async';
import { selectIsLoggedIn, useAuthStore } from '../../stores/auth';
import { ChatRoom } from './ChatRoom';
import './index.scss';

const isKind = (value: string | undefined): value is ConversationKind => (CONVERSATION_KINDS as readonly string[]).includes(value ?? '');

/** `?id=` from the 消息 list, or `?kind=&subjectId=` from an order or a need response (opened, or started, on the server). */
function loadConversation(params: Record<string, string | undefined>): Promise<ConversationDto> {
  const id = Number(params.id);
  if (Number.isInteger(id) && id > 0) return getConversation(id);
  const subjectId = Number(params.subjectId);
  if (isKind(params.kind) && Number.isInteger(subjectId) && subjectId > 0) return openConversation(params.kind, subjectId);
  return Promise.reject(new ApiError(ErrorCode.NotFound, '找不到这个对话，链接可能不完整', 404));
}

/** 沟通: the chat between a hall's managers and a provider's members about an order or a need response. */
export default function ChatPage() {
  const { params } = useRouter();
  const loggedIn = useAuthStore(selectIsLoggedIn);
  const conversation = useAsync(() => loadConversation(params), [params.id, params.kind, params.subjectId, loggedIn]);

  if (!loggedIn) {
    return (
      <PageShell>
        <LoginPrompt hint='登录后才能查看和发送消息' />
      </PageShell>
    );
  }
  return (
    <PageShell>
      <AsyncContent state={conversation}>{(data) => <ChatRoom conversation={data} />}</AsyncContent>
    </PageShell>
  );
}
