import { ErrorCode, allowedEvents, findTransition, type Machine, type Role } from '@hall-menu/shared';
import { DomainError, forbidden } from '../errors/domain-error';

/**
 * Throws unless `roles` may fire `event` from `state`: FORBIDDEN when none of the roles may ever fire that event
 * (a matter of permission), INVALID_TRANSITION naming what is allowed now when it is only the object's state.
 * `shownRoles` are the roles whose allowed events the message lists (the person's roles on this object).
 */
export function refuseUnlessAllowed<S extends string, E extends string>(
  machine: Machine<S, E>,
  state: S,
  event: E,
  roles: readonly Role[],
  shownRoles: readonly Role[] = roles,
): void {
  if (findTransition(machine, state, event, roles)) return;
  if (!machine.transitions.some((t) => t.event === event && t.roles.some((r) => roles.includes(r)))) {
    throw forbidden('您的身份不能进行此操作');
  }
  throw new DomainError(ErrorCode.InvalidTransition, '当前状态下不能进行此操作', {
    machine: machine.name,
    state,
    event,
    allowed: allowedEvents(machine, state, shownRoles),
  });
}
