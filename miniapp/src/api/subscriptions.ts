import type { SubscribeTemplateKey, SubscriptionsDto } from '@hall-menu/shared';
import { newIdempotencyKey } from '../utils/idempotency';
import { request } from './request';

/** Each WeChat subscribe-message template with its id (for `requestSubscribeMessage`) and the consents left. */
export const getSubscriptions = () => request<SubscriptionsDto>('/me/subscriptions');

/** Records the templates the person accepted in one prompt: one consent each, counted once however often the call is retried. */
export const grantSubscriptions = (accepted: SubscribeTemplateKey[]) =>
  request<SubscriptionsDto>('/me/subscriptions', { method: 'POST', body: { accepted }, idempotencyKey: newIdempotencyKey() });
