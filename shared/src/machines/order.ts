import { defineMachine } from './fsm';

export const ORDER_STATES = [
  'pending',
  'proposed',
  'accepted',
  'declined',
  'expired',
  'cancelled',
  'in_service',
  'completed',
  'confirmed',
  'disputed',
  'voided',
  'no_show_reported',
  'no_show',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_EVENTS = [
  'accept',
  'propose',
  'decline',
  'expire',
  'cancel',
  'agree',
  'provider_cancel',
  'check_in',
  'complete',
  'confirm',
  'auto_confirm',
  'dispute',
  'resolve_confirm',
  'resolve_void',
  'report_no_show',
  'confirm_no_show',
  'dismiss_no_show',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

/**
 * Order (点单). `voided` is a dispute the reviewer upheld: the service does not count as delivered.
 * A no-show goes through `no_show_reported` so that a reviewer confirms it before it counts against the provider.
 */
export const orderMachine = defineMachine<OrderState, OrderEvent>({
  name: 'order',
  states: ORDER_STATES,
  events: ORDER_EVENTS,
  initial: ['pending'],
  terminal: ['declined', 'expired', 'cancelled', 'confirmed', 'voided', 'no_show'],
  transitions: [
    { from: 'pending', event: 'accept', to: 'accepted', roles: ['provider'], guards: ['timeInsideWindow', 'noProviderConflict', 'noHallConflict'] },
    { from: 'pending', event: 'propose', to: 'proposed', roles: ['provider'] },
    { from: 'pending', event: 'decline', to: 'declined', roles: ['provider'], requiresReason: true },
    { from: 'pending', event: 'expire', to: 'expired', roles: ['system'], guards: ['answerDeadlinePassed'] },
    { from: 'pending', event: 'cancel', to: 'cancelled', roles: ['hall_manager'] },
    { from: 'proposed', event: 'agree', to: 'accepted', roles: ['hall_manager'], guards: ['noProviderConflict', 'noHallConflict'] },
    { from: 'proposed', event: 'cancel', to: 'cancelled', roles: ['hall_manager'] },
    { from: 'proposed', event: 'expire', to: 'expired', roles: ['system'], guards: ['answerDeadlinePassed'] },
    { from: 'accepted', event: 'check_in', to: 'in_service', roles: ['provider'], guards: ['onServiceDay'] },
    { from: 'accepted', event: 'cancel', to: 'cancelled', roles: ['hall_manager'], requiresReason: true },
    { from: 'accepted', event: 'provider_cancel', to: 'cancelled', roles: ['provider'], requiresReason: true },
    { from: 'accepted', event: 'report_no_show', to: 'no_show_reported', roles: ['hall_manager'], guards: ['serviceTimePassed'], requiresReason: true },
    { from: 'in_service', event: 'complete', to: 'completed', roles: ['provider'] },
    { from: 'completed', event: 'confirm', to: 'confirmed', roles: ['hall_manager'] },
    { from: 'completed', event: 'auto_confirm', to: 'confirmed', roles: ['system'], guards: ['confirmDeadlinePassed'] },
    { from: 'completed', event: 'dispute', to: 'disputed', roles: ['hall_manager'], requiresReason: true },
    { from: 'disputed', event: 'resolve_confirm', to: 'confirmed', roles: ['reviewer', 'admin'], requiresReason: true },
    { from: 'disputed', event: 'resolve_void', to: 'voided', roles: ['reviewer', 'admin'], requiresReason: true },
    { from: 'no_show_reported', event: 'confirm_no_show', to: 'no_show', roles: ['reviewer', 'admin'], requiresReason: true },
    { from: 'no_show_reported', event: 'dismiss_no_show', to: 'accepted', roles: ['reviewer', 'admin'], requiresReason: true },
  ],
});
