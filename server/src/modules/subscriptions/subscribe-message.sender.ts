import { Inject, Injectable, Logger } from '@nestjs/common';
import { SUBSCRIBE_TEMPLATE_KEYS, type SubscribeTemplateKey } from '@hall-menu/shared';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DatabaseService } from '../../database/database.service';
import { WechatClient } from '../auth/wechat.client';
import { SubscribeConsent } from './subscribe-consent.entity';
import { SubscribeMessageLog, type SubscribeOutcome } from './subscribe-message-log.entity';
import { parseTemplateSetup, templateValue, type TemplateSetup } from './subscribe-templates';

export interface SubscribeContent {
  title: string;
  body: string;
  time?: Date | null;
  /** Mini-program page to open, e.g. 'pages/order/index?id=12'. */
  page: string;
}

export type SendResult = Exclude<SubscribeOutcome, 'sending'> | 'no_consent' | 'no_openid';

/** WeChat's answer when the person has no consent left for the template. */
const NO_CONSENT_ERRCODE = 43101;

/**
 * Sends WeChat subscribe messages (订阅消息), one consent per message. With WeChat credentials and the template's
 * id configured it calls subscribeMessage.send; otherwise it logs what it would have sent, spending the consent
 * all the same so the flow behaves alike everywhere. Without a consent nothing is sent.
 */
@Injectable()
export class SubscribeMessageSender {
  private readonly logger = new Logger(SubscribeMessageSender.name);
  readonly templates: Record<SubscribeTemplateKey, TemplateSetup | null>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: DatabaseService,
    private readonly wechat: WechatClient,
    private readonly clock: Clock,
  ) {
    this.templates = Object.fromEntries(SUBSCRIBE_TEMPLATE_KEYS.map((key) => [key, parseTemplateSetup(key, config.wechatTemplates[key])])) as Record<
      SubscribeTemplateKey,
      TemplateSetup | null
    >;
  }

  /** True when messages of this template really go to WeChat. */
  live(key: SubscribeTemplateKey): boolean {
    return this.wechat.configured && this.templates[key] !== null;
  }

  async send(userId: number, key: SubscribeTemplateKey, content: SubscribeContent): Promise<SendResult> {
    const live = this.live(key);
    let openid: string | null = null;
    if (live) {
      const rows: { wechat_openid: string | null }[] = await this.db.manager.query('SELECT wechat_openid FROM users WHERE id = ?', [userId]);
      openid = rows[0]?.wechat_openid ?? null;
      // Someone who never used the mini-program cannot have consented there: keep whatever they have.
      if (!openid) return 'no_openid';
    }
    const logId = await this.spendConsent(userId, key);
    if (logId === null) return 'no_consent';
    if (!live) {
      this.logger.log({ msg: 'subscribe message not sent: WeChat is not configured for it', userId, template: key, ...content });
      await this.finish(logId, 'logged', null);
      return 'logged';
    }
    const setup = this.templates[key]!;
    const data: Record<string, { value: string }> = {
      [setup.fields.title]: { value: templateValue(setup.fields.title, content.title) },
      [setup.fields.body]: { value: templateValue(setup.fields.body, content.body) },
      [setup.fields.time]: { value: templateValue(setup.fields.time, content.time ?? this.clock.now()) },
    };
    try {
      const answer = await this.wechat.sendSubscribeMessage({ openid: openid!, templateId: setup.templateId, page: content.page, data });
      if (answer.errcode === 0) {
        await this.finish(logId, 'sent', null);
        return 'sent';
      }
      // WeChat knows better than our count (a consent recorded twice by a retried request, say): start again from zero.
      if (answer.errcode === NO_CONSENT_ERRCODE) await this.db.transaction((m) => m.update(SubscribeConsent, { userId, templateKey: key }, { remaining: 0, updatedAt: this.clock.now() }));
      await this.finish(logId, 'failed', `errcode ${answer.errcode}: ${answer.errmsg ?? ''}`);
    } catch (error) {
      this.logger.warn({ msg: 'subscribe message failed', userId, template: key, err: String(error) });
      await this.finish(logId, 'failed', String(error));
    }
    return 'failed';
  }

  /** The same message to several people; one person's failure does not stop the others. */
  async sendToAll(userIds: number[], key: SubscribeTemplateKey, content: SubscribeContent): Promise<void> {
    for (const userId of new Set(userIds)) {
      await this.send(userId, key, content).catch((error: unknown) => this.logger.error({ msg: 'subscribe message crashed', userId, template: key, err: String(error) }));
    }
  }

  /** Spends one consent with a guarded update and logs it in the same transaction; null when none is left. */
  private spendConsent(userId: number, key: SubscribeTemplateKey): Promise<number | null> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const spent = await m
        .createQueryBuilder()
        .update(SubscribeConsent)
        .set({ remaining: () => 'remaining - 1', updatedAt: now })
        .where('user_id = :userId AND template_key = :key AND remaining > 0', { userId, key })
        .execute();
      if (spent.affected !== 1) return null;
      const { identifiers } = await m.insert(SubscribeMessageLog, { userId, templateKey: key, outcome: 'sending', detail: null, createdAt: now });
      return Number(identifiers[0].id);
    });
  }

  private async finish(logId: number, outcome: SubscribeOutcome, detail: string | null): Promise<void> {
    await this.db.transaction((m) => m.update(SubscribeMessageLog, { id: logId }, { outcome, detail: detail?.slice(0, 200) ?? null }));
  }
}
