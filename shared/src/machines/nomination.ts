import { defineMachine } from './fsm';

export const NOMINATION_STATES = ['nominated', 'confirmed', 'declined', 'withdrawn'] as const;
export type NominationState = (typeof NOMINATION_STATES)[number];

export const NOMINATION_EVENTS = ['confirm', 'decline', 'withdraw'] as const;
export type NominationEvent = (typeof NOMINATION_EVENTS)[number];

/**
 * 村晚 nomination: a reviewer nominates an excellent village-gala programme into the menu. Its project waits as a
 * draft until the provider confirms (the project is published: the nomination was the review) or declines (the
 * draft is archived). The reviewer may withdraw it while it waits.
 */
export const nominationMachine = defineMachine<NominationState, NominationEvent>({
  name: 'nomination',
  states: NOMINATION_STATES,
  events: NOMINATION_EVENTS,
  initial: ['nominated'],
  terminal: ['confirmed', 'declined', 'withdrawn'],
  transitions: [
    { from: 'nominated', event: 'confirm', to: 'confirmed', roles: ['provider'], guards: ['providerMember', 'projectStillDraft'] },
    { from: 'nominated', event: 'decline', to: 'declined', roles: ['provider'], guards: ['providerMember'], requiresReason: true },
    { from: 'nominated', event: 'withdraw', to: 'withdrawn', roles: ['reviewer', 'admin'], guards: ['inReviewerRegion'], requiresReason: true },
  ],
});
