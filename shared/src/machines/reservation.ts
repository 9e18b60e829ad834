import { defineMachine } from './fsm';

export const RESERVATION_STATES = ['reserved', 'waitlisted', 'checked_in', 'cancelled', 'no_show', 'lapsed'] as const;
export type ReservationState = (typeof RESERVATION_STATES)[number];

export const RESERVATION_EVENTS = ['check_in', 'cancel', 'mark_no_show', 'promote', 'lapse'] as const;
export type ReservationEvent = (typeof RESERVATION_EVENTS)[number];

/**
 * Seat reservation (预约). A request starts `reserved` when a seat is free, else `waitlisted`.
 * `lapsed` is a waitlist place that never got a seat before the event started.
 */
export const reservationMachine = defineMachine<ReservationState, ReservationEvent>({
  name: 'reservation',
  states: RESERVATION_STATES,
  events: RESERVATION_EVENTS,
  initial: ['reserved', 'waitlisted'],
  terminal: ['checked_in', 'cancelled', 'no_show', 'lapsed'],
  transitions: [
    { from: 'reserved', event: 'check_in', to: 'checked_in', roles: ['hall_manager'], guards: ['codeMatchesEvent', 'eventDay'] },
    { from: 'reserved', event: 'cancel', to: 'cancelled', roles: ['villager', 'hall_manager', 'system'], guards: ['beforeCancellationCutoff'] },
    { from: 'reserved', event: 'mark_no_show', to: 'no_show', roles: ['system'], guards: ['eventEnded'] },
    { from: 'waitlisted', event: 'promote', to: 'reserved', roles: ['system'], guards: ['seatAvailable'] },
    { from: 'waitlisted', event: 'cancel', to: 'cancelled', roles: ['villager', 'hall_manager', 'system'] },
    { from: 'waitlisted', event: 'lapse', to: 'lapsed', roles: ['system'], guards: ['eventStarted'] },
  ],
});
