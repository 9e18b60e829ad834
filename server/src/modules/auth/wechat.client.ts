import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@hall-menu/shared';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';

export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid?: string;
}

/** code2Session: trades the code from `Taro.login` for the user's openid. The session_key stays here. */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);

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
}
