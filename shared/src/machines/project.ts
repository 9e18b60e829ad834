import { defineMachine } from './fsm';

export const PROJECT_STATES = ['draft', 'pending_review', 'published', 'rejected', 'offline', 'archived'] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

export const PROJECT_EVENTS = ['submit', 'approve', 'reject', 'resubmit', 'withdraw', 'suspend', 'archive'] as const;
export type ProjectEvent = (typeof PROJECT_EVENTS)[number];

/** Service project (服务项目): declaration 申报 → review 审核 → menu 服务菜单. */
export const projectMachine = defineMachine<ProjectState, ProjectEvent>({
  name: 'project',
  states: PROJECT_STATES,
  events: PROJECT_EVENTS,
  initial: ['draft'],
  terminal: ['archived'],
  transitions: [
    { from: 'draft', event: 'submit', to: 'pending_review', roles: ['provider'], guards: ['organisationVerified', 'projectComplete'] },
    { from: 'pending_review', event: 'approve', to: 'published', roles: ['reviewer', 'admin'], guards: ['inReviewerRegion'] },
    { from: 'pending_review', event: 'reject', to: 'rejected', roles: ['reviewer', 'admin'], guards: ['inReviewerRegion'], requiresReason: true },
    { from: 'rejected', event: 'resubmit', to: 'pending_review', roles: ['provider'], guards: ['organisationVerified', 'projectComplete'] },
    { from: 'published', event: 'withdraw', to: 'offline', roles: ['provider'], requiresReason: true },
    { from: 'published', event: 'suspend', to: 'offline', roles: ['reviewer', 'admin'], guards: ['inReviewerRegion'], requiresReason: true },
    { from: 'offline', event: 'resubmit', to: 'pending_review', roles: ['provider'], guards: ['organisationVerified', 'projectComplete'] },
    { from: 'draft', event: 'archive', to: 'archived', roles: ['provider'] },
    { from: 'rejected', event: 'archive', to: 'archived', roles: ['provider'] },
    { from: 'offline', event: 'archive', to: 'archived', roles: ['provider'] },
  ],
});
