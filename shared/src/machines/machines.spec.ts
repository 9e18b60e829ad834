import { allowedEvents, can, next, type Machine } from './fsm';
import { needMachine } from './need';
import { orderMachine } from './order';
import { projectMachine } from './project';
import { reservationMachine } from './reservation';
import { revisionMachine } from './revision';
import type { Role } from '../types/roles';
import { USER_ROLES } from '../types/roles';

const ALL_ROLES: Role[] = [...USER_ROLES, 'system'];
const machines: Machine<string, string>[] = [projectMachine, revisionMachine, orderMachine, needMachine, reservationMachine];

function reachable(machine: Machine<string, string>): Set<string> {
  const seen = new Set<string>(machine.initial);
  const queue = [...machine.initial];
  while (queue.length > 0) {
    const state = queue.shift()!;
    for (const t of machine.transitions) {
      if (t.from === state && !seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return seen;
}

describe.each(machines.map((m) => [m.name, m] as const))('%s machine', (_name, machine) => {
  it('uses only declared states and events', () => {
    for (const t of machine.transitions) {
      expect(machine.states).toContain(t.from);
      expect(machine.states).toContain(t.to);
      expect(machine.events).toContain(t.event);
      expect(t.roles.length).toBeGreaterThan(0);
    }
    for (const s of [...machine.initial, ...machine.terminal]) expect(machine.states).toContain(s);
  });

  it('reaches every state from an initial state', () => {
    expect([...reachable(machine)].sort()).toEqual([...machine.states].sort());
  });

  it('gives terminal states no way out, and every other state at least one', () => {
    for (const state of machine.states) {
      const out = machine.transitions.filter((t) => t.from === state);
      if (machine.terminal.includes(state)) expect(out).toEqual([]);
      else expect(out.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic: one (state, event, role) never leads to two states', () => {
    const seen = new Map<string, string>();
    for (const t of machine.transitions) {
      for (const role of t.roles) {
        const key = `${t.from}|${t.event}|${role}`;
        expect(seen.get(key) ?? t.to).toBe(t.to);
        seen.set(key, t.to);
      }
    }
  });

  it('accepts exactly the (state, event, role) triples in its table', () => {
    for (const state of machine.states) {
      for (const event of machine.events) {
        for (const role of ALL_ROLES) {
          const row = machine.transitions.find((t) => t.from === state && t.event === event && t.roles.includes(role));
          expect(can(machine, state, event, role)).toBe(row !== undefined);
          expect(next(machine, state, event, role)).toBe(row ? row.to : null);
        }
      }
    }
  });

  it('lists allowed events per role that can() agrees with', () => {
    for (const state of machine.states) {
      for (const role of ALL_ROLES) {
        const events = allowedEvents(machine, state, role);
        for (const event of machine.events) expect(events.includes(event)).toBe(can(machine, state, event, role));
      }
    }
  });
});

describe('role lists', () => {
  it('lets a person with several roles use each of them', () => {
    expect(can(orderMachine, 'pending', 'accept', ['villager', 'provider'])).toBe(true);
    expect(allowedEvents(orderMachine, 'completed', ['villager', 'hall_manager'])).toEqual(['confirm', 'dispute']);
  });

  it('never lets a user role fire the system-only events', () => {
    for (const role of USER_ROLES) {
      expect(can(orderMachine, 'pending', 'expire', role)).toBe(false);
      expect(can(reservationMachine, 'waitlisted', 'promote', role)).toBe(false);
    }
  });
});

describe('domain rules in the tables', () => {
  it('requires a reason to reject, suspend, decline and dispute', () => {
    const needsReason = (m: Machine<string, string>, from: string, event: string) =>
      m.transitions.find((t) => t.from === from && t.event === event)?.requiresReason === true;
    expect(needsReason(projectMachine, 'pending_review', 'reject')).toBe(true);
    expect(needsReason(projectMachine, 'published', 'suspend')).toBe(true);
    expect(needsReason(orderMachine, 'pending', 'decline')).toBe(true);
    expect(needsReason(orderMachine, 'completed', 'dispute')).toBe(true);
  });

  it('does not let a provider approve its own project', () => {
    expect(can(projectMachine, 'pending_review', 'approve', 'provider')).toBe(false);
    expect(next(projectMachine, 'pending_review', 'approve', 'reviewer')).toBe('published');
  });
});
