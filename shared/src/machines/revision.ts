import { defineMachine } from './fsm';

export const REVISION_STATES = ['pending_review', 'approved', 'rejected', 'withdrawn'] as const;
export type RevisionState = (typeof REVISION_STATES)[number];

export const REVISION_EVENTS = ['approve', 'reject', 'withdraw'] as const;
export type RevisionEvent = (typeof REVISION_EVENTS)[number];

/**
 * An edit of a published project. It is reviewed while the published version stays on the menu;
 * approval copies it onto the project. A rejected edit is final: editing again makes a new revision.
 */
export const revisionMachine = defineMachine<RevisionState, RevisionEvent>({
  name: 'revision',
  states: REVISION_STATES,
  events: REVISION_EVENTS,
  initial: ['pending_review'],
  terminal: ['approved', 'rejected', 'withdrawn'],
  transitions: [
    { from: 'pending_review', event: 'approve', to: 'approved', roles: ['reviewer', 'admin'], guards: ['inReviewerRegion'] },
    { from: 'pending_review', event: 'reject', to: 'rejected', roles: ['reviewer', 'admin'], guards: ['inReviewerRegion'], requiresReason: true },
    { from: 'pending_review', event: 'withdraw', to: 'withdrawn', roles: ['provider'] },
  ],
});
