import { allowedEvents, can, next } from './fsm';
import { commendationMachine } from './commendation';
import { nominationMachine } from './nomination';

describe('nomination machine (村晚)', () => {
  it('lets only the provider confirm or decline, and only the reviewer withdraw, while it waits', () => {
    expect(next(nominationMachine, 'nominated', 'confirm', 'provider')).toBe('confirmed');
    expect(next(nominationMachine, 'nominated', 'decline', 'provider')).toBe('declined');
    expect(can(nominationMachine, 'nominated', 'confirm', 'reviewer')).toBe(false);
    expect(allowedEvents(nominationMachine, 'nominated', 'reviewer')).toEqual(['withdraw']);
    expect(allowedEvents(nominationMachine, 'nominated', ['villager', 'hall_manager'])).toEqual([]);
  });

  it('ends in confirmed, declined or withdrawn with no way out', () => {
    for (const state of nominationMachine.terminal) {
      expect(nominationMachine.transitions.filter((t) => t.from === state)).toEqual([]);
    }
    const reached = new Set(['nominated', ...nominationMachine.transitions.map((t) => t.to)]);
    expect([...reached].sort()).toEqual([...nominationMachine.states].sort());
  });

  it('needs a reason to decline or withdraw', () => {
    expect(nominationMachine.transitions.filter((t) => t.requiresReason).map((t) => t.event).sort()).toEqual(['decline', 'withdraw']);
  });
});

describe('commendation machine (品牌项目, 表彰)', () => {
  it('revokes with a reason and restores, by reviewers and admins only', () => {
    expect(next(commendationMachine, 'active', 'revoke', 'reviewer')).toBe('revoked');
    expect(next(commendationMachine, 'revoked', 'restore', 'admin')).toBe('active');
    expect(can(commendationMachine, 'active', 'revoke', 'provider')).toBe(false);
    expect(commendationMachine.transitions.find((t) => t.event === 'revoke')?.requiresReason).toBe(true);
    expect(allowedEvents(commendationMachine, 'active', 'reviewer')).toEqual(['revoke']);
  });
});
