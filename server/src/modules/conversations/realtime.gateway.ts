import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, REALTIME_CLOSE_CODES, type RealtimeFrame } from '@hall-menu/shared';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { AuthUser } from '../../common/auth/auth-user';
import { AuthGuard } from '../../common/auth/auth.guard';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ConversationsService } from './conversations.service';
import { RealtimeBus, type RealtimeEnvelope } from './realtime-bus';

/** Where clients connect: `ws(s)://<host>/ws?token=<access token>` (H5's WebSocket cannot send headers). */
export const REALTIME_PATH = '/ws';

interface LiveSocket {
  ws: WebSocket;
  userId: number;
  /** Cleared at each heartbeat, set again by the client's pong. */
  alive: boolean;
  /** When the access token it connected with expires; the socket is closed then and the client reconnects. */
  expiresAt: number;
}

/**
 * The chat socket: a plain WebSocket on the HTTP server (Taro.connectSocket works with it in weapp and H5).
 * Tokens are checked by the same guard as HTTP requests; the server only pushes, clients write over HTTP.
 * Heartbeat: a ping frame every REALTIME_HEARTBEAT_SECONDS, a socket that missed the last pong is dropped;
 * clients may also send `{"type":"ping"}` and get `{"type":"pong"}` (browsers cannot see ping frames).
 */
@Injectable()
export class RealtimeGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RealtimeGateway.name);
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly sockets = new Map<number, Set<LiveSocket>>();
  private httpServer: Server | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly guard: AuthGuard,
    private readonly jwt: JwtService,
    private readonly conversations: ConversationsService,
    private readonly bus: RealtimeBus,
  ) {}

  onApplicationBootstrap(): void {
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.httpServer.on('upgrade', this.onUpgrade);
    this.bus.onDeliver((envelope) => this.deliver(envelope));
    this.heartbeat = setInterval(() => this.beat(), this.config.realtime.heartbeatSeconds * 1000);
    this.heartbeat.unref();
  }

  /** Before the HTTP server closes, which would otherwise wait for the open sockets. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.httpServer?.off('upgrade', this.onUpgrade);
    const all = [...this.sockets.values()].flatMap((set) => [...set]);
    all.forEach((live) => live.ws.close(REALTIME_CLOSE_CODES.goingAway, 'server restarting'));
    // A client that does not answer the close handshake quickly is cut off.
    await new Promise((resolve) => setTimeout(resolve, all.length ? 200 : 0));
    all.forEach((live) => live.ws.terminate());
    await new Promise((resolve) => this.server.close(resolve));
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== REALTIME_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => {
      this.accept(ws, url.searchParams.get('token')).catch((error: unknown) => {
        this.logger.error({ msg: 'socket setup failed', err: String(error) });
        ws.close(1011, ErrorCode.Internal);
      });
    });
  };

  private async accept(ws: WebSocket, token: string | null): Promise<void> {
    ws.on('error', (error) => this.logger.debug({ msg: 'socket error', err: String(error) }));
    let user: AuthUser;
    try {
      if (!token) throw new DomainError(ErrorCode.Unauthenticated);
      user = await this.authenticate(token);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The reason is the error code, so the client knows to refresh its token (TOKEN_EXPIRED) or to sign in again.
      ws.close(REALTIME_CLOSE_CODES.unauthenticated, error.code);
      return;
    }
    if (ws.readyState !== WebSocket.OPEN) return;
    const payload = this.jwt.decode<{ exp?: number } | null>(token!);
    const live: LiveSocket = { ws, userId: user.id, alive: true, expiresAt: payload?.exp ? payload.exp * 1000 : Number.POSITIVE_INFINITY };
    const set = this.sockets.get(user.id) ?? new Set<LiveSocket>();
    set.add(live);
    this.sockets.set(user.id, set);
    ws.on('pong', () => {
      live.alive = true;
    });
    ws.on('message', (data) => this.onClientFrame(live, data));
    ws.on('close', () => {
      set.delete(live);
      if (set.size === 0 && this.sockets.get(user.id) === set) this.sockets.delete(user.id);
    });
    // Registered before the counts are read, so nothing stored meanwhile is missed.
    this.send(live, { type: 'ready', userId: user.id, unread: await this.conversations.unreadCounts(user) });
  }

  /** The HTTP guard, run on the token from the query string: signature, expiry, live session, enabled account. */
  private async authenticate(token: string): Promise<AuthUser> {
    const request: { headers: Record<string, string | undefined>; user?: AuthUser } = { headers: { authorization: `Bearer ${token}` } };
    await this.guard.canActivate(new ExecutionContextHost([request], RealtimeGateway, this.accept));
    return request.user!;
  }

  private onClientFrame(live: LiveSocket, data: RawData): void {
    let frame: { type?: unknown };
    try {
      frame = JSON.parse(String(data)) as { type?: unknown };
    } catch {
      return;
    }
    if (frame?.type === 'ping') this.send(live, { type: 'pong' });
  }

  private deliver({ userIds, frame }: RealtimeEnvelope): void {
    const text = JSON.stringify(frame);
    for (const userId of userIds) {
      this.sockets.get(userId)?.forEach((live) => {
        if (live.ws.readyState === WebSocket.OPEN) live.ws.send(text);
      });
    }
  }

  private send(live: LiveSocket, frame: RealtimeFrame): void {
    if (live.ws.readyState === WebSocket.OPEN) live.ws.send(JSON.stringify(frame));
  }

  private beat(): void {
    const now = Date.now();
    this.sockets.forEach((set) =>
      set.forEach((live) => {
        if (live.expiresAt <= now) return live.ws.close(REALTIME_CLOSE_CODES.unauthenticated, ErrorCode.TokenExpired);
        if (!live.alive) return live.ws.terminate();
        live.alive = false;
        live.ws.ping();
      }),
    );
  }
}
