import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@hall-menu/shared';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';

export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid?: string;
}

/** msgSecCheck v2's verdict: `risky` is refused; `review` (WeChat unsure) is let through and logged. */
export type ContentVerdict = 'pass' | 'review' | 'risky';

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** Mini-program page the message opens, e.g. 'pages/order/index?id=12'. */
  page: string;
  data: Record<string, { value: string }>;
}

/** WeChat errors that mean the access token went stale: fetch a new one and try once more. */
const STALE_TOKEN_ERRCODES = new Set([40001, 40014, 42001]);

/**
 * The server's calls to WeChat: code2Session (the code from `Taro.login` for the user's openid; the session_key
 * stays here), and, with the platform's access token, content security and subscribe messages.
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);
  private accessTokenCache: { value: string; expiresAt: number } | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.wechat !== null;
  }

  async code2Session(code: string): Promise<WechatSession> {
    const wechat = this.config.wechat;
    if (!wechat) throw new DomainError(ErrorCode.WechatNotConfigured);
    const url = new URL('/sns/jscode2session', wechat.apiBase);
    url.search = new URLSearchParams({ appid: wechat.appId, secret: wechat.secret, js_code: code, grant_type: 'authorization_code' }).toString();
    let body: { openid?: string; session_key?: string; unionid?: string; errcode?: number; errmsg?: string };
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      body = (await response.json()) as typeof body;
    } catch (error) {
      this.logger.warn({ msg: 'code2Session unreachable', err: String(error) });
      throw new DomainError(ErrorCode.WechatLoginFailed, '暂时连不上微信服务器，请稍后重试');
    }
    if (!body.openid || !body.session_key) {
      this.logger.warn({ msg: 'code2Session refused', errcode: body.errcode, errmsg: body.errmsg });
      throw new DomainError(ErrorCode.WechatLoginFailed, '微信登录凭证无效或已过期，请重新打开小程序', { errcode: body.errcode });
    }
    return { openid: body.openid, sessionKey: body.session_key, unionid: body.unionid };
  }

  /**
   * msgSecCheck v2 (`/wxa/msg_sec_check`) on text a user wrote. The openid must be a user of this mini-program.
   * Throws when WeChat cannot be asked; callers decide whether that blocks the text.
   */
  async checkText(openid: string, content: string): Promise<ContentVerdict> {
    const body = await this.callWithToken<{ errcode?: number; errmsg?: string; result?: { suggest?: ContentVerdict; label?: number } }>('/wxa/msg_sec_check', {
      content,
      version: 2,
      // 2 = 评论 (comments and chat-like short texts).
      scene: 2,
      openid,
    });
    if (body.errcode && body.errcode !== 0) throw new Error(`msg_sec_check errcode ${body.errcode}: ${body.errmsg ?? ''}`);
    return body.result?.suggest ?? 'pass';
  }

  /** subscribeMessage.send. Returns WeChat's errcode (0 = sent; 43101 = the user has no consent left for it). */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<{ errcode: number; errmsg?: string }> {
    const body = await this.callWithToken<{ errcode?: number; errmsg?: string }>('/cgi-bin/message/subscribe/send', {
      touser: message.openid,
      template_id: message.templateId,
      page: message.page,
      data: message.data,
      miniprogram_state: this.config.wechatMiniprogramState,
      lang: 'zh_CN',
    });
    return { errcode: body.errcode ?? 0, errmsg: body.errmsg };
  }

  /** POSTs JSON with the access token, refreshing the token once when WeChat says it is stale. */
  private async callWithToken<T extends { errcode?: number }>(pathname: string, payload: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const url = new URL(pathname, this.requireConfig().apiBase);
      url.searchParams.set('access_token', await this.accessToken());
      const body = await this.postJson<T>(url, payload);
      if (attempt === 0 && body.errcode !== undefined && STALE_TOKEN_ERRCODES.has(body.errcode)) {
        this.accessTokenCache = null;
        continue;
      }
      return body;
    }
  }

  /**
   * The platform's access token from `/cgi-bin/stable_token`, cached until shortly before it expires. The stable
   * token does not invalidate the one other server instances hold, unlike `/cgi-bin/token`.
   */
  private async accessToken(): Promise<string> {
    if (this.accessTokenCache && this.accessTokenCache.expiresAt > Date.now()) return this.accessTokenCache.value;
    const wechat = this.requireConfig();
    const body = await this.postJson<{ access_token?: string; expires_in?: number; errcode?: number; errmsg?: string }>(new URL('/cgi-bin/stable_token', wechat.apiBase), {
      grant_type: 'client_credential',
      appid: wechat.appId,
      secret: wechat.secret,
    });
    if (!body.access_token) throw new Error(`stable_token errcode ${body.errcode ?? '?'}: ${body.errmsg ?? ''}`);
    const lifetimeMs = Math.max(60, (body.expires_in ?? 7200) - 300) * 1000;
    this.accessTokenCache = { value: body.access_token, expiresAt: Date.now() + lifetimeMs };
    return body.access_token;
  }

  private requireConfig(): NonNullable<AppConfig['wechat']> {
    if (!this.config.wechat) throw new DomainError(ErrorCode.WechatNotConfigured);
    return this.config.wechat;
  }

  private async postJson<T>(url: URL, payload: unknown): Promise<T> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(5000),
    });
    return (await response.json()) as T;
  }
}
