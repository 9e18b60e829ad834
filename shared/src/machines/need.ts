import { defineMachine } from './fsm';

export const NEED_STATES = ['open', 'matched', 'closed', 'expired'] as const;
export type NeedState = (typeof NEED_STATES)[number];

export const NEED_EVENTS = ['match', 'close', 'expire'] as const;
export type NeedEvent = (typeof NEED_EVENTS)[number];

/** Need (需求): what a village wants when the menu lacks it. Matching creates an order. */
export const needMachine = defineMachine<NeedState, NeedEvent>({
  name: 'need',
  states: NEED_STATES,
  events: NEED_EVENTS,
  initial: ['open'],
  terminal: ['matched', 'closed', 'expired'],
  transitions: [
    { from: 'open', event: 'match', to: 'matched', roles: ['hall_manager'], guards: ['responseOpen', 'quotaAvailable'] },
    { from: 'open', event: 'close', to: 'closed', roles: ['hall_manager', 'reviewer', 'admin'] },
    { from: 'open', event: 'expire', to: 'expired', roles: ['system'], guards: ['periodEnded'] },
  ],
});
