import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  RULE_INFO,
  RULE_KEYS,
  RULE_SCHEMAS,
  type FieldError,
  type RuleChangeDto,
  type RuleDto,
  type RuleKey,
  type RuleUpdateInput,
  type RuleValues,
} from '@hall-menu/shared';
import { In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuthUser } from '../../common/auth/auth-user';
import { ClusterEventsService } from '../../common/cluster/cluster-events.service';
import { Clock } from '../../common/clock';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DatabaseService } from '../../database/database.service';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/user.entity';
import { RuleChange } from './rule-change.entity';
import { Rule } from './rule.entity';

/**
 * How long an instance trusts its copy of the rules. A change drops the copy at once here and, through the cluster
 * events (Redis, when configured), on the other instances; the TTL bounds the staleness if that message is lost.
 */
const CACHE_MS = 10_000;
const TOPIC = 'rules-changed';

/**
 * The platform's configurable rules. Services read them here on every use, so a change applies from the next
 * order, reservation or rating on. Defaults are the start-up configuration; the `rules` table holds what admins changed.
 */
@Injectable()
export class RulesService {
  private cache: { rows: Map<string, Rule>; expires: number } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DatabaseService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly cluster: ClusterEventsService,
  ) {
    cluster.on(TOPIC, () => (this.cache = null));
  }

  async get<K extends RuleKey>(key: K): Promise<RuleValues[K]> {
    const row = (await this.rows()).get(key);
    return row ? (row.value as RuleValues[K]) : this.defaults()[key];
  }

  defaults(): RuleValues {
    return {
      orderAnswerHours: this.config.orders.answerHours,
      orderConfirmHours: this.config.orders.confirmHours,
      cancelNoticeHours: this.config.orders.cancelNoticeHours,
      reservationMaxSeats: this.config.reservations.maxSeatsPerPerson,
      reservationCancelCutoffMinutes: this.config.reservations.cancelCutoffMinutes,
      noShowLimit: this.config.reservations.noShowLimit,
      noShowWindowMonths: this.config.reservations.noShowWindowMonths,
      noShowSuspendMonths: this.config.reservations.noShowSuspendMonths,
      ratingEditWindowDays: 7,
      matchWeights: this.config.matchWeights,
    };
  }

  async list(): Promise<RuleDto[]> {
    const rows = await this.loadRows();
    const people = await this.people([...rows.values()].map((r) => r.updatedBy));
    const defaults = this.defaults();
    return RULE_KEYS.map((key) => {
      const row = rows.get(key);
      const value = row ? row.value : defaults[key];
      return {
        key,
        ...RULE_INFO[key],
        value,
        defaultValue: defaults[key],
        isDefault: JSON.stringify(value) === JSON.stringify(defaults[key]),
        updatedBy: row ? (people.get(row.updatedBy) ?? null) : null,
        updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
      };
    });
  }

  async history(key: RuleKey): Promise<RuleChangeDto[]> {
    const changes = await this.db.manager.find(RuleChange, { where: { ruleKey: key }, order: { id: 'DESC' }, take: 100 });
    const people = await this.people(changes.map((c) => c.changedBy));
    return changes.map((c) => ({
      id: c.id,
      key,
      oldValue: c.oldValue,
      newValue: c.newValue,
      reason: c.reason,
      changedBy: people.get(c.changedBy) ?? null,
      changedAt: new Date(c.createdAt).toISOString(),
    }));
  }

  /**
   * Sets a rule, recording old and new value, who and why, in one transaction. The write is guarded by the value
   * read, so of two admins changing the same rule at once the second is told to look again.
   */
  async update(user: AuthUser, key: RuleKey, input: RuleUpdateInput): Promise<RuleDto> {
    const parsed = RULE_SCHEMAS[key].safeParse(input.value);
    if (!parsed.success) {
      const fields: FieldError[] = parsed.error.issues.map((i) => ({ field: ['value', ...i.path].join('.'), message: i.message }));
      throw new DomainError(ErrorCode.ValidationFailed, `${RULE_INFO[key].label}：${fields[0].message}`, { fields });
    }
    const value: unknown = parsed.data;
    const now = this.clock.now();
    try {
      await this.db.transaction(async (m) => {
        const row = await m.findOne(Rule, { where: { key } });
        const old = row ? row.value : this.defaults()[key];
        if (JSON.stringify(old) === JSON.stringify(value)) return;
        if (row) {
          const written = await m
            .createQueryBuilder()
            .update(Rule)
            .set({ value, updatedBy: user.id, updatedAt: now } as QueryDeepPartialEntity<Rule>)
            .where('rule_key = :key AND rule_value = :seen', { key, seen: JSON.stringify(row.value) })
            .execute();
          if (written.affected !== 1) throw staleRule();
        } else {
          await m.insert(Rule, { key, value, updatedBy: user.id, updatedAt: now } as QueryDeepPartialEntity<Rule>);
        }
        await m.insert(RuleChange, { ruleKey: key, oldValue: old, newValue: value, changedBy: user.id, reason: input.reason?.trim() || null } as QueryDeepPartialEntity<RuleChange>);
        await this.audit.record(m, {
          actor: user,
          objectType: 'rule',
          objectId: key,
          action: 'update',
          before: { value: old },
          after: { value },
          reason: input.reason,
          regionCode: null,
        });
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw staleRule();
      throw error;
    } finally {
      this.cache = null;
    }
    void this.cluster.publish(TOPIC);
    return (await this.list()).find((r) => r.key === key)!;
  }

  private async rows(): Promise<Map<string, Rule>> {
    if (this.cache && this.cache.expires > Date.now()) return this.cache.rows;
    return this.loadRows();
  }

  private async loadRows(): Promise<Map<string, Rule>> {
    const rows = new Map((await this.db.manager.find(Rule)).map((r) => [r.key, r]));
    this.cache = { rows, expires: Date.now() + CACHE_MS };
    return rows;
  }

  private async people(ids: number[]): Promise<Map<number, { id: number; nickname: string }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await this.db.manager.find(User, { where: { id: In(unique) } });
    return new Map(users.map((u) => [u.id, { id: u.id, nickname: u.nickname }]));
  }
}

const staleRule = () => new DomainError(ErrorCode.StaleState, '这条规则刚被他人修改，请刷新后重试');
