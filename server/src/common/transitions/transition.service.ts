import { Injectable } from '@nestjs/common';
import { ErrorCode, allowedEvents, findTransition, type HistoryEntryDto, type Machine, type Role } from '@hall-menu/shared';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { DatabaseService } from '../../database/database.service';
import { DomainError, notFound } from '../errors/domain-error';
import { refuseUnlessAllowed } from './transition-refusal';
import { TransitionHistory } from './transition-history.entity';

/** Who fires an event. `id` is null for the platform itself (scheduled jobs, role `system`). */
export interface Actor {
  id: number | null;
  roles: readonly Role[];
}

export const SYSTEM_ACTOR: Actor = { id: null, roles: ['system'] };

export interface TransitionRequest<S extends string, E extends string, T extends ObjectLiteral> {
  machine: Machine<S, E>;
  entity: EntityTarget<T>;
  /** Name shown in errors: "服务项目", "订单"... */
  label: string;
  id: number;
  event: E;
  actor: Actor;
  reason?: string | null;
  /** Other columns written by the same guarded update (e.g. the accepted time). */
  set?: Partial<Record<keyof T & string, unknown>>;
  /** Checks that need the current row inside the transaction: scope, conflicts, deadlines. Throw to refuse. */
  guard?: (row: T, manager: EntityManager) => Promise<void>;
}

/** What a listener learns about an applied transition: the history row as written. */
export interface AppliedTransition {
  entityType: string;
  entityId: number;
  fromState: string | null;
  toState: string;
  event: string;
  actorId: number | null;
  actorRole: string;
  reason: string | null;
}

/**
 * Runs inside the transaction that applied the transition (same EntityManager), so what it writes
 * commits or rolls back with the change. Throwing refuses the transition.
 */
export type TransitionListener = (manager: EntityManager, applied: AppliedTransition) => Promise<void>;

export interface TransitionResult<S extends string, T> {
  from: S;
  to: S;
  /** The row as read before the update. */
  before: T;
}

/**
 * Applies a workflow transition the only way the platform allows: inside a transaction, the table
 * decides, guards run, then `UPDATE ... WHERE id = :id AND status = :from` (0 rows = someone else
 * moved it first) and a history row, all or nothing.
 */
@Injectable()
export class TransitionService {
  private readonly listeners = new Map<string, TransitionListener[]>();

  constructor(private readonly db: DatabaseService) {}

  /** Lets another feature react to every transition of one workflow (e.g. a system line in the order's conversation). */
  onApplied(entityType: string, listener: TransitionListener): void {
    this.listeners.set(entityType, [...(this.listeners.get(entityType) ?? []), listener]);
  }

  private async recordHistory(manager: EntityManager, applied: AppliedTransition): Promise<void> {
    await manager.insert(TransitionHistory, { ...applied });
    for (const listener of this.listeners.get(applied.entityType) ?? []) await listener(manager, applied);
  }

  apply<S extends string, E extends string, T extends ObjectLiteral & { id: number; status: S }>(
    request: TransitionRequest<S, E, T>,
    manager?: EntityManager,
  ): Promise<TransitionResult<S, T>> {
    return manager ? this.applyIn(manager, request) : this.db.transaction((m) => this.applyIn(m, request));
  }

  private async applyIn<S extends string, E extends string, T extends ObjectLiteral & { id: number; status: S }>(
    manager: EntityManager,
    { machine, entity, label, id, event, actor, reason, set, guard }: TransitionRequest<S, E, T>,
  ): Promise<TransitionResult<S, T>> {
    const row = await manager.findOne(entity, { where: { id } as never });
    if (!row) throw notFound(label, { id });
    const from = row.status;
    refuseUnlessAllowed(machine, from, event, actor.roles);
    const transition = findTransition(machine, from, event, actor.roles)!;
    const cleanReason = reason?.trim() || null;
    if (transition.requiresReason && !cleanReason) {
      throw new DomainError(ErrorCode.ReasonRequired, '请填写原因', { fields: [{ field: 'reason', message: '请填写原因' }] });
    }
    if (guard) await guard(row, manager);

    const result = await manager
      .createQueryBuilder()
      .update(entity)
      .set({ ...(set ?? {}), status: transition.to } as never)
      .where('id = :id AND status = :from', { id, from })
      .execute();
    if (result.affected !== 1) {
      throw new DomainError(ErrorCode.StaleState, `该${label}刚被他人更新，请刷新后重试`, { state: from, event });
    }
    const actorRole = transition.roles.find((r) => actor.roles.includes(r))!;
    await this.recordHistory(manager, {
      entityType: machine.name,
      entityId: id,
      fromState: from,
      toState: transition.to,
      event,
      actorId: actor.id,
      actorRole,
      reason: cleanReason,
    });
    return { from, to: transition.to, before: row };
  }

  /** Records the creation of a workflow object, so its history starts at its first state. */
  async recordCreated(
    manager: EntityManager,
    entry: { machine: Machine<string, string>; id: number; state: string; actor: Actor; actorRole: Role },
  ): Promise<void> {
    await this.recordHistory(manager, {
      entityType: entry.machine.name,
      entityId: entry.id,
      fromState: null,
      toState: entry.state,
      event: 'create',
      actorId: entry.actor.id,
      actorRole: entry.actorRole,
      reason: null,
    });
  }

  /**
   * A readable timeline of one or more workflow objects, oldest first, with the actors' names.
   * `eventPrefix` tells apart events of related objects shown together (a project and its revisions).
   */
  async timeline(sources: { entityType: string; ids: number[]; eventPrefix?: string }[]): Promise<HistoryEntryDto[]> {
    const used = sources.filter((s) => s.ids.length > 0);
    if (used.length === 0) return [];
    const qb = this.db.manager
      .createQueryBuilder(TransitionHistory, 'h')
      .leftJoin('users', 'u', 'u.id = h.actor_id')
      .select(['h.id AS id', 'h.entity_type AS entityType', 'h.event AS event', 'h.from_state AS fromState', 'h.to_state AS toState'])
      .addSelect(['h.actor_role AS actorRole', 'h.reason AS reason', 'h.created_at AS createdAt', 'u.nickname AS actorName']);
    used.forEach((source, i) => {
      qb.orWhere(`(h.entity_type = :type${i} AND h.entity_id IN (:...ids${i}))`, { [`type${i}`]: source.entityType, [`ids${i}`]: source.ids });
    });
    const rows: (HistoryEntryDto & { entityType: string })[] = await qb.orderBy('h.id', 'ASC').getRawMany();
    return rows.map(({ entityType, ...row }) => ({
      ...row,
      id: Number(row.id),
      event: `${used.find((s) => s.entityType === entityType)?.eventPrefix ?? ''}${row.event}`,
      createdAt: new Date(row.createdAt).toISOString(),
    }));
  }
}
