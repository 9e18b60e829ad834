import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One change of a rule: old and new value, who, when, why. */
@Entity('rule_changes')
@Index('IDX_rule_changes_key', ['ruleKey', 'id'])
export class RuleChange {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'rule_key', type: 'varchar', length: 40 })
  ruleKey: string;

  @Column({ name: 'old_value', type: 'simple-json' })
  oldValue: unknown;

  @Column({ name: 'new_value', type: 'simple-json' })
  newValue: unknown;

  @Column({ name: 'changed_by', type: 'int' })
  changedBy: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
