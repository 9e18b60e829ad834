import { defineMachine } from './fsm';

export const COMMENDATION_STATES = ['active', 'revoked'] as const;
export type CommendationState = (typeof COMMENDATION_STATES)[number];

export const COMMENDATION_EVENTS = ['revoke', 'restore'] as const;
export type CommendationEvent = (typeof COMMENDATION_EVENTS)[number];

/**
 * A reviewer's mark for a year: 品牌项目 on a project, 表彰 on a provider or hall. Removing a mark revokes it (with a
 * reason) rather than deleting it, so who marked, who removed and when stays on record; marking again restores it.
 */
export const commendationMachine = defineMachine<CommendationState, CommendationEvent>({
  name: 'commendation',
  states: COMMENDATION_STATES,
  events: COMMENDATION_EVENTS,
  initial: ['active'],
  terminal: [],
  transitions: [
    { from: 'active', event: 'revoke', to: 'revoked', roles: ['reviewer', 'admin'], guards: ['inReviewerRegion'], requiresReason: true },
    { from: 'revoked', event: 'restore', to: 'active', roles: ['reviewer', 'admin'], guards: ['inReviewerRegion'] },
  ],
});
