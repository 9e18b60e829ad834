import { Injectable } from '@nestjs/common';
import { SUBSCRIBE_TEMPLATE_KEYS, SUBSCRIBE_TEMPLATE_LABELS, type SubscribeTemplateKey, type SubscriptionsDto } from '@hall-menu/shared';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { optionalIdempotencyKey } from '../../common/http/idempotency-key';
import { DatabaseService } from '../../database/database.service';
import { WechatClient } from '../auth/wechat.client';
import { SubscribeConsentGrant } from './subscribe-consent-grant.entity';
import { SubscribeConsent } from './subscribe-consent.entity';
import { SubscribeMessageSender } from './subscribe-message.sender';

/** The consents people give in `wx.requestSubscribeMessage`, counted per template. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly clock: Clock,
    private readonly sender: SubscribeMessageSender,
    private readonly wechat: WechatClient,
  ) {}

  async list(user: AuthUser): Promise<SubscriptionsDto> {
    const consents = await this.db.manager.find(SubscribeConsent, { where: { userId: user.id } });
    return {
      wechatSending: this.wechat.configured,
      templates: SUBSCRIBE_TEMPLATE_KEYS.map((key) => ({
        key,
        label: SUBSCRIBE_TEMPLATE_LABELS[key],
        templateId: this.sender.templates[key]?.templateId ?? null,
        remaining: consents.find((c) => c.templateKey === key)?.remaining ?? 0,
      })),
    };
  }

  /**
   * One more consent for each accepted template, each counted with a guarded increment. A call with an idempotency
   * key counts once: the key is recorded in the same transaction, before anything is counted.
   */
  async grant(user: AuthUser, accepted: SubscribeTemplateKey[], idempotencyKeyHeader: string | undefined): Promise<SubscriptionsDto> {
    const idempotencyKey = optionalIdempotencyKey(idempotencyKeyHeader);
    const keys = [...new Set(accepted)];
    await this.db.transaction(async (m) => {
      const now = this.clock.now();
      // A retry, or a twin that committed first (the insert waits for it): its consents are counted already.
      if (idempotencyKey && !(await this.firstUseOf(m, user.id, idempotencyKey, now))) return;
      for (const key of keys) {
        const increment = () =>
          m
            .createQueryBuilder()
            .update(SubscribeConsent)
            .set({ remaining: () => 'remaining + 1', updatedAt: now })
            .where('user_id = :userId AND template_key = :key', { userId: user.id, key })
            .execute();
        if ((await increment()).affected) continue;
        try {
          await m.insert(SubscribeConsent, { userId: user.id, templateKey: key, remaining: 1, updatedAt: now });
        } catch (error) {
          // The same person's other request created the row meanwhile.
          if (!isDuplicateKey(error)) throw error;
          await increment();
        }
      }
    });
    return this.list(user);
  }

  /** Records a consent call's key; false when it was recorded before. */
  private async firstUseOf(m: EntityManager, userId: number, idempotencyKey: string, now: Date): Promise<boolean> {
    try {
      await m.insert(SubscribeConsentGrant, { userId, idempotencyKey, createdAt: now });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return false;
    }
  }
}
