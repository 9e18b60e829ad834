import type { Role } from '../types/roles';

/** One row of a transition table: `event` moves `from` to `to` when fired by one of `roles`. */
export interface Transition<S extends string, E extends string> {
  readonly from: S;
  readonly event: E;
  readonly to: S;
  readonly roles: readonly Role[];
  /** Names of checks the server runs inside the transaction before applying the row. */
  readonly guards?: readonly string[];
  /** The actor must give a reason (kept in the history row). */
  readonly requiresReason?: boolean;
}

export interface Machine<S extends string, E extends string> {
  readonly name: string;
  readonly states: readonly S[];
  readonly events: readonly E[];
  /** States a new record may be created in. */
  readonly initial: readonly S[];
  /** States with no way out. */
  readonly terminal: readonly S[];
  readonly transitions: readonly Transition<S, E>[];
}

export function defineMachine<S extends string, E extends string>(machine: Machine<S, E>): Machine<S, E> {
  return machine;
}

/** The row that applies, if any. Roles are a list because one person may hold several. */
export function findTransition<S extends string, E extends string>(
  machine: Machine<S, E>,
  state: S,
  event: E,
  roles: Role | readonly Role[],
): Transition<S, E> | undefined {
  const held = typeof roles === 'string' ? [roles] : roles;
  return machine.transitions.find(
    (t) => t.from === state && t.event === event && t.roles.some((r) => held.includes(r)),
  );
}

export function can<S extends string, E extends string>(
  machine: Machine<S, E>,
  state: S,
  event: E,
  roles: Role | readonly Role[],
): boolean {
  return findTransition(machine, state, event, roles) !== undefined;
}

/** The state after `event`, or null when the table refuses it. */
export function next<S extends string, E extends string>(
  machine: Machine<S, E>,
  state: S,
  event: E,
  roles: Role | readonly Role[],
): S | null {
  return findTransition(machine, state, event, roles)?.to ?? null;
}

/** Events the given roles may fire from `state`, in table order, without duplicates. */
export function allowedEvents<S extends string, E extends string>(
  machine: Machine<S, E>,
  state: S,
  roles: Role | readonly Role[],
): E[] {
  const held = typeof roles === 'string' ? [roles] : roles;
  const events: E[] = [];
  for (const t of machine.transitions) {
    if (t.from === state && t.roles.some((r) => held.includes(r)) && !events.includes(t.event)) {
      events.push(t.event);
    }
  }
  return events;
}
