import type { SubscribeTemplateKey, SubscriptionsDto } from '@hall-menu/shared';
import { request } from './request';

/** Each WeChat subscribe-message template with its id (for `requestSubscribeMessage`) and the consents left. */
export const getSubscriptions = () => request<SubscriptionsDto>('/me/subscriptions');

/** Records the templates the person accepted: one consent each. */
export const grantSubscriptions = (accepted: SubscribeTemplateKey[]) =>
  request<SubscriptionsDto>('/me/subscriptions', { method: 'POST', body: { accepted } });
