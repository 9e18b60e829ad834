import { ERROR_MESSAGES, ErrorCode, REALTIME_CLOSE_CODES, type RealtimeFrame } from '@hall-menu/shared';
import { ApiError } from '../api/api-error';
import type { SocketLike } from './socket';

export type FrameListener = (frame: RealtimeFrame) => void;
export type StatusListener = (connected: boolean) => void;

export interface RealtimeDeps {
  open: (url: string) => Promise<SocketLike>;
  urlFor: (accessToken: string) => string;
  /**
   * Runs one connection attempt with the session's access token: `withSession` of the request layer, which refreshes
   * an expired token once and replays the attempt, and ends the session when the token was revoked.
   */
  withSession: (attempt: (accessToken: string | undefined) => Promise<void>) => Promise<void>;
  random?: () => number;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** The server answers with `ready` at once; a socket that says nothing this long is given up. */
const HANDSHAKE_TIMEOUT_MS = 15_000;
/** Our own ping: a phone that changed networks can keep a dead socket that never reports a close. */
const PING_EVERY_MS = 25_000;
const PONG_TIMEOUT_MS = 10_000;

/** Wait before reconnect attempt `attempt` (0-based): 1 s, 2 s, 4 s … at most 30 s, each ±20 % so phones do not return in step. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempt, 15));
  return Math.round(Math.min(MAX_RETRY_MS, base * (0.8 + 0.4 * random())));
}

function parseFrame(text: string): RealtimeFrame | null {
  try {
    const frame = JSON.parse(text) as RealtimeFrame | null;
    return frame && typeof frame.type === 'string' ? frame : null;
  } catch {
    return null;
  }
}

/** A refusal at the handshake: the server closed with 4401 and the error code as reason. */
function refusal(reason: string): ApiError {
  const code = (Object.values(ErrorCode) as string[]).includes(reason) ? (reason as ErrorCode) : ErrorCode.Unauthenticated;
  return new ApiError(code, ERROR_MESSAGES[code], 401);
}

/**
 * The chat socket: connects with the access token, hands every frame to its listeners, and keeps coming back.
 * After a drop it reconnects with exponential backoff; a 4401 close goes straight back through `withSession`
 * (TOKEN_EXPIRED: the token is refreshed and the attempt replayed; any other reason ends the session). Listeners
 * learn of every (re)connection through the `ready` frame and fetch what they missed over HTTP; while the socket
 * is down, `connected` is false and they poll.
 */
export class RealtimeClient {
  private running = false;
  /** Bumped by every connect and stop: callbacks of an older attempt see a different number and do nothing. */
  private generation = 0;
  private attempt = 0;
  private socket: SocketLike | null = null;
  private isConnected = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private pongTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly frameListeners = new Set<FrameListener>();
  private readonly statusListeners = new Set<StatusListener>();

  constructor(private readonly deps: RealtimeDeps) {}

  get connected(): boolean {
    return this.isConnected;
  }

  /** Every frame the server pushes (`ready` after each connection, `message`, `unread`). Returns the unsubscribe. */
  subscribe(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => {
      this.frameListeners.delete(listener);
    };
  }

  /** Connected (after `ready`) or not. Returns the unsubscribe. */
  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    void this.connect();
  }

  stop(): void {
    this.running = false;
    this.generation++;
    this.clearRetry();
    this.dropSocket();
    this.setConnected(false);
  }

  /** Skips the backoff wait (the app came back to the foreground, the network returned). */
  reconnectNow(): void {
    if (!this.running || this.retryTimer === null) return;
    this.clearRetry();
    this.attempt = 0;
    void this.connect();
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    try {
      await this.deps.withSession((accessToken) => this.handshake(accessToken, generation));
    } catch (error) {
      if (generation !== this.generation || !this.running) return;
      // The session is over (signed out, revoked, disabled): nothing to reconnect with.
      if (error instanceof ApiError && error.status === 401 && error.code !== ErrorCode.TokenExpired) return this.stop();
      this.scheduleRetry();
    }
  }

  /** One socket: resolves on the server's `ready`, rejects when it closes before (4401 as an ApiError of that code). */
  private handshake(accessToken: string | undefined, generation: number): Promise<void> {
    if (!accessToken) return Promise.reject(refusal(ErrorCode.Unauthenticated));
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      let opened: SocketLike | null = null;
      const timeout = setTimeout(() => {
        if (opened && this.socket === opened) this.dropSocket();
        settle(ApiError.network());
      }, HANDSHAKE_TIMEOUT_MS);
      const settle = (error?: ApiError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timeout);
        if (error) reject(error);
        else resolve();
      };
      const current = () => generation === this.generation;

      this.deps.open(this.deps.urlFor(accessToken)).then(
        (socket) => {
          if (!current() || settled) {
            socket.close();
            return settle(ApiError.network());
          }
          opened = socket;
          this.socket = socket;
          socket.onMessage((text) => {
            if (this.socket !== socket) return;
            const frame = parseFrame(text);
            if (!frame) return;
            this.heard();
            if (frame.type === 'pong') return;
            if (frame.type === 'ready') {
              this.attempt = 0;
              this.setConnected(true);
              this.startPinging(socket);
              settle();
            }
            this.frameListeners.forEach((listener) => listener(frame));
          });
          socket.onClose((code, reason) => {
            if (this.socket !== socket) return;
            this.socket = null;
            if (!settled) return settle(code === REALTIME_CLOSE_CODES.unauthenticated ? refusal(reason) : ApiError.network());
            this.dropped(code);
          });
        },
        () => settle(ApiError.network()),
      );
    });
  }

  /** An established socket ended. */
  private dropped(code: number): void {
    this.stopPinging();
    this.setConnected(false);
    if (!this.running) return;
    // 4401 after `ready`: the token ran out while connected. Straight back; the handshake refreshes it or ends the session.
    if (code === REALTIME_CLOSE_CODES.unauthenticated) return void this.connect();
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    this.clearRetry();
    const delay = retryDelay(this.attempt++, this.deps.random);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private startPinging(socket: SocketLike): void {
    this.stopPinging();
    this.pingTimer = setInterval(() => {
      socket.send(JSON.stringify({ type: 'ping' }));
      if (this.pongTimer !== null) return;
      this.pongTimer = setTimeout(() => {
        // Nothing came back: the connection is dead without having said so.
        this.pongTimer = null;
        if (this.socket !== socket) return;
        this.dropSocket();
        this.dropped(1006);
      }, PONG_TIMEOUT_MS);
    }, PING_EVERY_MS);
  }

  /** Any frame proves the socket alive. */
  private heard(): void {
    if (this.pongTimer !== null) clearTimeout(this.pongTimer);
    this.pongTimer = null;
  }

  private stopPinging(): void {
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    this.pingTimer = null;
    this.heard();
  }

  /** Closes our socket without treating it as a drop. */
  private dropSocket(): void {
    const socket = this.socket;
    this.socket = null;
    this.stopPinging();
    socket?.close();
  }

  private setConnected(connected: boolean): void {
    if (this.isConnected === connected) return;
    this.isConnected = connected;
    this.statusListeners.forEach((listener) => listener(connected));
  }
}
