import Taro from '@tarojs/taro';
import { SUBSCRIBE_PROMPTS, type SubscribeTemplateDto, type SubscribeTemplateKey } from '@hall-menu/shared';
import { getSubscriptions, grantSubscriptions } from '../api/subscriptions';

export type SubscribeMoment = keyof typeof SUBSCRIBE_PROMPTS;

/** Template ids from the server, fetched once per session: the prompt itself must open within the tap, without waiting. */
let templates: SubscribeTemplateDto[] | null = null;
let loading: Promise<void> | null = null;

const inWeapp = () => process.env.TARO_ENV === 'weapp';

/** Fetches the template ids ahead of the taps that ask for consent (weapp only; H5 has no subscribe messages). */
export function preloadSubscribeTemplates(): void {
  if (!inWeapp() || templates || loading) return;
  loading = getSubscriptions()
    .then((answer) => {
      templates = answer.templates;
    })
    // Without ids there is simply no prompt; the next session tries again.
    .catch(() => undefined)
    .finally(() => {
      loading = null;
    });
}

/** Forgets the ids (another person signs in, or a test starts afresh). */
export function forgetSubscribeTemplates(): void {
  templates = null;
}

/**
 * Asks for WeChat's one-time consents that fit `moment` (SUBSCRIBE_PROMPTS) and records the accepted ones.
 * Call it synchronously inside the tap handler — WeChat opens the prompt only in answer to a tap — and do not
 * wait for it: the person's own action goes on meanwhile. Does nothing in H5, before the ids are known, or for
 * templates the server has no id for. A refusal or a failure is the person's choice, never an error shown.
 */
export function askSubscribe(moment: SubscribeMoment): Promise<SubscribeTemplateKey[]> {
  if (!inWeapp() || !templates) return Promise.resolve([]);
  const wanted = templates.filter((t): t is SubscribeTemplateDto & { templateId: string } => t.templateId !== null && (SUBSCRIBE_PROMPTS[moment] as readonly string[]).includes(t.key));
  if (wanted.length === 0) return Promise.resolve([]);
  return Taro.requestSubscribeMessage({ tmplIds: wanted.map((t) => t.templateId) } as Taro.requestSubscribeMessage.Option)
    .then(async (result) => {
      const answers = result as unknown as Record<string, unknown>;
      const accepted = wanted.filter((t) => answers[t.templateId] === 'accept').map((t) => t.key);
      if (accepted.length > 0) await grantSubscriptions(accepted);
      return accepted;
    })
    .catch(() => []);
}
