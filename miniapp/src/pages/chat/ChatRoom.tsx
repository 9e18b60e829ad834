import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Input, Text, View } from '@tarojs/components';
import { CONVERSATION_SIDE_LABELS, sendMessageSchema, type ConversationDto, type MessageDto } from '@hall-menu/shared';
import { errorMessage } from '../../api/api-error';
import { getMessages, markConversationRead, sendMessage } from '../../api/conversations';
import { mediaUrl } from '../../api/media';
import { uploadPhoto } from '../../api/uploads';
import { realtime } from '../../realtime';
import { useRealtimeConnected } from '../../realtime/hooks';
import { useAuthStore } from '../../stores/auth';
import { useUnreadStore } from '../../stores/unread';
import { CHAT_POLL_MS, ChatSync, type ChatSnapshot, type SendOutcome } from './chat-sync';
import { clockTime, withDaySeparators, type PendingMessage } from './timeline';
import { endIsVisible, scrollToEnd, usePageOnScreen, useScrollSettled } from './viewport';

/** A socket down this long is worth telling the person about (a normal connect takes well under a second). */
const DOWN_NOTICE_AFTER_MS = 3_000;

function useChatSync(conversationId: number): { snapshot: ChatSnapshot; sync: React.MutableRefObject<ChatSync | null> } {
  const sync = useRef<ChatSync | null>(null);
  const [snapshot, setSnapshot] = useState<ChatSnapshot>({ status: 'loading', error: null, messages: [], pending: [], hasOlder: false, loadingOlder: false, olderError: null });
  useEffect(() => {
    const current = new ChatSync(
      conversationId,
      {
        fetchMessages: (cursor) => getMessages(conversationId, cursor),
        sendMessage: (input) => sendMessage(conversationId, input),
        realtime,
      },
      setSnapshot,
    );
    sync.current = current;
    void current.start();
    return () => current.dispose();
  }, [conversationId]);
  return { snapshot, sync };
}

/** True once `flag` has held for `ms`. */
function useHeldFor(flag: boolean, ms: number): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!flag) return setHeld(false);
    const timer = setTimeout(() => setHeld(true), ms);
    return () => clearTimeout(timer);
  }, [flag, ms]);
  return held;
}

/** Who the conversation is with, from the viewer's side. */
function counterpart(conversation: ConversationDto): string {
  if (conversation.mySide === 'hall') return `服务方：${conversation.provider.name}`;
  if (conversation.mySide === 'provider') return `礼堂：${conversation.hall.name}`;
  return `${conversation.hall.name} 与 ${conversation.provider.name}`;
}

function MessageBody({ kind, text, photoUrl }: { kind: string; text: string | null; photoUrl: string | null }) {
  if (kind === 'photo' && photoUrl) {
    const url = mediaUrl(photoUrl);
    return <Image className='chat-msg__photo' src={url} mode='widthFix' onClick={() => void Taro.previewImage({ urls: [url], current: url })} />;
  }
  return <View className='chat-msg__bubble'>{text}</View>;
}

function StoredMessage({ message, mine }: { message: MessageDto; mine: boolean }) {
  if (message.kind === 'system') {
    return (
      <View className='chat-system'>
        <Text className='chat-system__text'>{message.text}</Text>
        <Text className='chat-system__time'> · {clockTime(message.createdAt)}</Text>
      </View>
    );
  }
  const who = mine ? '我' : `${CONVERSATION_SIDE_LABELS[message.side]}${message.sender?.nickname ? ` · ${message.sender.nickname}` : ''}`;
  return (
    <View className={mine ? 'chat-msg chat-msg--mine' : 'chat-msg'}>
      <View className='chat-msg__meta'>
        {who} {clockTime(message.createdAt)}
      </View>
      <MessageBody kind={message.kind} text={message.text} photoUrl={message.photoUrl} />
    </View>
  );
}

function PendingBubble({ pending, onRetry }: { pending: PendingMessage; onRetry: () => void }) {
  return (
    <View className='chat-msg chat-msg--mine'>
      <View className='chat-msg__meta'>我</View>
      <MessageBody kind={pending.kind} text={pending.text} photoUrl={pending.photoUrl} />
      {pending.status === 'sending' ? (
        <View className='chat-msg__state'>发送中…</View>
      ) : (
        <View className='chat-msg__failed'>
          <View className='chat-msg__state chat-msg__state--failed'>发送失败：{pending.error}</View>
          <Button className='btn btn--small' onClick={onRetry}>
            重发
          </Button>
        </View>
      )}
    </View>
  );
}

/**
 * One conversation: a header saying what it is about (with a link to it), the messages oldest first with a
 * separator per day, and the composer fixed at the bottom. New messages come by socket (or by the 10 s poll
 * while it is down); they are marked read when the end of the conversation is on screen.
 */
export function ChatRoom({ conversation }: { conversation: ConversationDto }) {
  const myId = useAuthStore((state) => state.me?.id);
  const { snapshot, sync } = useChatSync(conversation.id);
  const connected = useRealtimeConnected();
  const showDown = useHeldFor(!connected, DOWN_NOTICE_AFTER_MS);
  const onScreen = usePageOnScreen();
  const [draft, setDraft] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [newBelow, setNewBelow] = useState(0);
  const atEnd = useRef(true);
  const shownUpTo = useRef(0);
  const markedUpTo = useRef(conversation.lastReadId);

  const { messages, pending } = snapshot;
  const lastId = messages.length > 0 ? messages[messages.length - 1].id : 0;

  const markRead = useCallback(
    (upTo: number) => {
      if (upTo <= markedUpTo.current) return;
      const before = markedUpTo.current;
      markedUpTo.current = upTo;
      markConversationRead(conversation.id, upTo).then(
        (result) => useUnreadStore.getState().setConversation(conversation.id, result.unread, result.total),
        () => {
          // Try again with the next message or scroll.
          if (markedUpTo.current === upTo) markedUpTo.current = before;
        },
      );
    },
    [conversation.id],
  );

  // New messages at the end: follow them when the end was on screen (or the message is mine), else offer a button.
  useEffect(() => {
    if (snapshot.status !== 'ready' || lastId <= shownUpTo.current) return;
    const previous = shownUpTo.current;
    shownUpTo.current = lastId;
    const newest = messages[messages.length - 1];
    if (previous === 0 || atEnd.current || newest.sender?.id === myId) {
      atEnd.current = true;
      setNewBelow(0);
      scrollToEnd();
      if (onScreen) markRead(lastId);
    } else {
      setNewBelow((count) => count + messages.filter((m) => m.id > previous).length);
    }
    // Only a newer last message matters here; the rest is read through refs.
  }, [lastId, snapshot.status]);

  useEffect(() => {
    if (pending.length > 0) {
      atEnd.current = true;
      scrollToEnd();
    }
  }, [pending.length]);

  // Back on screen (from the order page, or the app from the background): what is at the end is now read.
  useEffect(() => {
    if (onScreen && atEnd.current && lastId > 0) markRead(lastId);
  }, [onScreen]);

  useScrollSettled(() => {
    void endIsVisible().then((visible) => {
      atEnd.current = visible;
      if (!visible) return;
      setNewBelow(0);
      if (onScreen && lastId > 0) markRead(lastId);
    });
  });

  function showOutcome(outcome: SendOutcome, text?: string) {
    if (outcome.result !== 'refused') return;
    setFailure(outcome.message);
    // The words the server refused go back into the input to be changed, unless something new was typed meanwhile.
    if (text !== undefined) setDraft((current) => current || text);
  }

  async function sendText() {
    const text = draft.trim();
    const checked = sendMessageSchema.safeParse({ clientMessageId: '00000000-0000-4000-8000-000000000000', kind: 'text', text });
    if (!checked.success) return setFailure(checked.error.issues[0]?.message ?? '请输入要发送的内容');
    setFailure(null);
    setDraft('');
    const current = sync.current;
    if (current) showOutcome(await current.send({ kind: 'text', text: checked.data.text ?? text }), text);
  }

  async function sendPhoto() {
    if (uploading) return;
    let path: string | undefined;
    try {
      path = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFilePaths[0];
    } catch {
      return; // the person closed the picker
    }
    if (!path) return;
    setFailure(null);
    setUploading(true);
    let url: string;
    try {
      url = (await uploadPhoto(path)).url;
    } catch (error) {
      return setFailure(errorMessage(error));
    } finally {
      setUploading(false);
    }
    const current = sync.current;
    if (current) showOutcome(await current.send({ kind: 'photo', photoUrl: url }));
  }

  async function retry(clientMessageId: string) {
    setFailure(null);
    const outcome = await sync.current?.retry(clientMessageId);
    if (outcome) showOutcome(outcome);
  }

  function jumpToNew() {
    atEnd.current = true;
    setNewBelow(0);
    scrollToEnd();
    markRead(lastId);
  }

  return (
    <View className='chat'>
      <View className='chat-head'>
        <View className='chat-head__title'>{conversation.title}</View>
        <View className='chat-head__meta'>
          {conversation.kind === 'order' ? '点单沟通' : '需求对接'} · {counterpart(conversation)}
        </View>
        <Button className='btn btn--small chat-head__link' onClick={() => void Taro.navigateTo({ url: `/${conversation.subjectLink}` })}>
          {conversation.kind === 'order' ? '查看点单' : '查看需求'}
        </Button>
      </View>

      {showDown && <View className='notice'>实时连接已断开，正在重新连接；新消息每 {CHAT_POLL_MS / 1000} 秒自动刷新</View>}

      <View className='chat-list'>
        {snapshot.status === 'loading' && <View className='chat-hint'>正在加载…</View>}
        {snapshot.status === 'error' && (
          <View className='chat-hint'>
            <View>加载失败：{errorMessage(snapshot.error)}</View>
            <Button className='btn btn--primary btn--block' onClick={() => void sync.current?.loadNewest()}>
              重试
            </Button>
          </View>
        )}
        {snapshot.status === 'ready' && snapshot.hasOlder && (
          <Button className='btn btn--block chat-older' disabled={snapshot.loadingOlder} onClick={() => void sync.current?.loadOlder()}>
            {snapshot.loadingOlder ? '正在加载…' : '查看更早的消息'}
          </Button>
        )}
        {snapshot.olderError !== null && <View className='form-error'>{errorMessage(snapshot.olderError)}</View>}
        {snapshot.status === 'ready' && messages.length === 0 && pending.length === 0 && <View className='chat-hint'>还没有消息，说点什么吧</View>}
        {withDaySeparators(messages).map((row) =>
          row.kind === 'day' ? (
            <View key={row.key} className='chat-day'>
              <View className='chat-day__label'>{row.label}</View>
            </View>
          ) : (
            <StoredMessage key={row.key} message={row.message} mine={row.message.sender?.id === myId && row.message.kind !== 'system'} />
          ),
        )}
        {pending.map((p) => (
          <PendingBubble key={p.clientMessageId} pending={p} onRetry={() => void retry(p.clientMessageId)} />
        ))}
        <View id='chat-end' className='chat-end' />
      </View>

      <View className={failure ? 'chat-spacer chat-spacer--tall' : 'chat-spacer'} />
      {newBelow > 0 && (
        <Button className='btn btn--primary chat-new' onClick={jumpToNew}>
          {newBelow} 条新消息，点这里查看
        </Button>
      )}
      <View id='chat-composer' className='chat-composer'>
        {failure && <View className='chat-composer__error'>{failure}</View>}
        <View className='chat-composer__row'>
          <Button className='btn chat-composer__photo' disabled={uploading} onClick={() => void sendPhoto()}>
            {uploading ? '上传中' : '照片'}
          </Button>
          <Input
            className='input chat-composer__input'
            value={draft}
            maxlength={1000}
            confirmType='send'
            placeholder='输入消息'
            onInput={(e) => {
              setDraft(e.detail.value);
              if (failure) setFailure(null);
            }}
            onConfirm={() => void sendText()}
          />
          <Button className='btn btn--primary chat-composer__send' onClick={() => void sendText()}>
            发送
          </Button>
        </View>
      </View>
    </View>
  );
}
