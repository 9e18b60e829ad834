import type { MessageDto, MessagePageDto, RealtimeFrame, SendMessageInput } from '@hall-menu/shared';
import { ApiError, errorMessage } from '../../api/api-error';
import type { MessageCursor } from '../../api/conversations';
import { mergeMessages, newClientMessageId, settlePending, type PendingMessage } from './timeline';

/** How often the open conversation is fetched while the socket is down. */
export const CHAT_POLL_MS = 10_000;
const PAGE_SIZE = 30;
const CATCH_UP_PAGE_SIZE = 100;

export interface RealtimeSource {
  readonly connected: boolean;
  subscribe(listener: (frame: RealtimeFrame) => void): () => void;
  onStatus(listener: (connected: boolean) => void): () => void;
}

export interface ChatSyncDeps {
  fetchMessages: (cursor: MessageCursor) => Promise<MessagePageDto>;
  sendMessage: (input: SendMessageInput) => Promise<MessageDto>;
  realtime: RealtimeSource;
  newId?: () => string;
}

export interface ChatSnapshot {
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  /** Stored messages, oldest first, each id once. */
  messages: MessageDto[];
  /** Mine not stored yet, in the order written. */
  pending: PendingMessage[];
  /** Older messages exist (查看更早的消息). */
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: unknown;
}

export type Draft = { kind: 'text'; text: string } | { kind: 'photo'; photoUrl: string };

/** How a send ended: stored, refused by the server (the words are the reason, the text goes back to the input), or failed on the way (重发). */
export type SendOutcome = { result: 'sent'; message: MessageDto } | { result: 'refused'; message: string } | { result: 'failed'; message: string };

const lastId = (messages: MessageDto[]) => (messages.length ? messages[messages.length - 1].id : 0);

/** A refusal is the server saying no (4xx); timeouts, rate limits, network and server trouble are worth a 重发. */
function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

/**
 * Keeps one conversation's messages complete and free of duplicates, over HTTP and the socket together:
 * the newest page first, older pages by cursor, pushed messages as they come, and — after every (re)connection
 * and every 10 s while the socket is down — whatever came after the last message known to be in an unbroken run.
 * Sending is optimistic: a pending bubble at once, replaced by the stored message whichever way it arrives first.
 */
export class ChatSync {
  private snapshot: ChatSnapshot = { status: 'loading', error: null, messages: [], pending: [], hasOlder: false, loadingOlder: false, olderError: null };
  /**
   * Every message up to this id is held. Pushed messages move it only while the socket has been caught up since its
   * last `ready`; a message pushed before then may sit beyond a gap that the catch-up (`after=syncedUpTo`) fills.
   */
  private syncedUpTo = 0;
  private inSync = false;
  /** Bumped at each `ready` and each drop, so a catch-up that straddles one does not claim the socket is in sync. */
  private epoch = 0;
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private readonly undo: (() => void)[] = [];
  private disposed = false;
  private readonly newId: () => string;

  constructor(
    private readonly conversationId: number,
    private readonly deps: ChatSyncDeps,
    private readonly onChange: (snapshot: ChatSnapshot) => void,
  ) {
    this.newId = deps.newId ?? (() => newClientMessageId());
  }

  get state(): ChatSnapshot {
    return this.snapshot;
  }

  /** Loads the newest page and starts following the socket. */
  async start(): Promise<void> {
    this.undo.push(
      this.deps.realtime.subscribe((frame) => this.onFrame(frame)),
      this.deps.realtime.onStatus((connected) => this.onStatus(connected)),
    );
    await this.loadNewest();
    this.onStatus(this.deps.realtime.connected);
    // Connected already (no `ready` will come): one catch-up closes any gap between the page and the first push.
    if (this.deps.realtime.connected) await this.catchUp();
  }

  /** 重试 after the first page failed. */
  async loadNewest(): Promise<void> {
    this.update({ status: 'loading', error: null });
    try {
      const page = await this.deps.fetchMessages({ limit: PAGE_SIZE });
      if (this.disposed) return;
      this.syncedUpTo = Math.max(this.syncedUpTo, lastId(page.items));
      this.absorb(page.items, { status: 'ready', hasOlder: page.hasMore });
    } catch (error) {
      if (!this.disposed) this.update({ status: 'error', error });
    }
  }

  dispose(): void {
    this.disposed = true;
    this.undo.splice(0).forEach((fn) => fn());
    this.stopPolling();
  }

  async loadOlder(): Promise<void> {
    const oldest = this.snapshot.messages[0];
    if (!oldest || !this.snapshot.hasOlder || this.snapshot.loadingOlder) return;
    this.update({ loadingOlder: true, olderError: null });
    try {
      const page = await this.deps.fetchMessages({ before: oldest.id, limit: PAGE_SIZE });
      if (!this.disposed) this.absorb(page.items, { hasOlder: page.hasMore, loadingOlder: false });
    } catch (error) {
      if (!this.disposed) this.update({ loadingOlder: false, olderError: error });
    }
  }

  /** Fetches everything after the unbroken run; concurrent calls share one run (and one more after it, if asked meanwhile). */
  catchUp(): Promise<void> {
    if (this.snapshot.status !== 'ready') return Promise.resolve();
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    const epoch = this.epoch;
    this.catchingUp = (async () => {
      try {
        do {
          this.catchUpAgain = false;
          for (;;) {
            const page = await this.deps.fetchMessages({ after: this.syncedUpTo, limit: CATCH_UP_PAGE_SIZE });
            if (this.disposed) return;
            this.syncedUpTo = Math.max(this.syncedUpTo, lastId(page.items));
            this.absorb(page.items, {});
            if (!page.hasMore || page.items.length === 0) break;
          }
        } while (this.catchUpAgain && !this.disposed);
        // Everything before the socket's `ready` is now held and the socket brings the rest.
        if (epoch === this.epoch && this.deps.realtime.connected) this.inSync = true;
      } catch {
        // The next poll, or the next `ready`, tries again.
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  /** Shows the bubble at once and sends; `clientMessageId` is given again by 重发. */
  async send(draft: Draft, clientMessageId: string = this.newId()): Promise<SendOutcome> {
    const bubble: PendingMessage = {
      clientMessageId,
      kind: draft.kind,
      text: draft.kind === 'text' ? draft.text : null,
      photoUrl: draft.kind === 'photo' ? draft.photoUrl : null,
      status: 'sending',
      error: null,
    };
    const others = this.snapshot.pending.filter((p) => p.clientMessageId !== clientMessageId);
    this.update({ pending: [...others, bubble] });
    const input: SendMessageInput = draft.kind === 'text' ? { clientMessageId, kind: 'text', text: draft.text } : { clientMessageId, kind: 'photo', photoUrl: draft.photoUrl };
    try {
      const message = await this.deps.sendMessage(input);
      if (!this.disposed) this.absorb([message], {});
      return { result: 'sent', message };
    } catch (error) {
      const message = errorMessage(error);
      if (this.disposed) return { result: 'failed', message };
      if (isRefusal(error)) {
        this.update({ pending: this.snapshot.pending.filter((p) => p.clientMessageId !== clientMessageId) });
        return { result: 'refused', message };
      }
      this.update({ pending: this.snapshot.pending.map((p) => (p.clientMessageId === clientMessageId ? { ...p, status: 'failed', error: message } : p)) });
      return { result: 'failed', message };
    }
  }

  /** 重发: the same client id, so a first try that did reach the server is not stored twice. */
  retry(clientMessageId: string): Promise<SendOutcome> | null {
    const bubble = this.snapshot.pending.find((p) => p.clientMessageId === clientMessageId && p.status === 'failed');
    if (!bubble) return null;
    const draft: Draft = bubble.kind === 'text' ? { kind: 'text', text: bubble.text ?? '' } : { kind: 'photo', photoUrl: bubble.photoUrl ?? '' };
    return this.send(draft, clientMessageId);
  }

  private onFrame(frame: RealtimeFrame): void {
    if (this.disposed) return;
    if (frame.type === 'ready') {
      this.epoch++;
      this.inSync = false;
      void this.catchUp();
      return;
    }
    if (frame.type !== 'message' || frame.conversationId !== this.conversationId) return;
    if (this.inSync) this.syncedUpTo = Math.max(this.syncedUpTo, frame.message.id);
    this.absorb([frame.message], {});
  }

  private onStatus(connected: boolean): void {
    if (this.disposed) return;
    if (connected) return this.stopPolling();
    this.epoch++;
    this.inSync = false;
    if (this.pollTimer === null) this.pollTimer = setInterval(() => void this.catchUp(), CHAT_POLL_MS);
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  private absorb(incoming: MessageDto[], patch: Partial<ChatSnapshot>): void {
    const messages = mergeMessages(this.snapshot.messages, incoming);
    this.update({ ...patch, messages, pending: settlePending(this.snapshot.pending, messages) });
  }

  private update(patch: Partial<ChatSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.onChange(this.snapshot);
  }
}
