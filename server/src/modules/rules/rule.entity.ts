import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A rule an admin changed from its default (defaults come from the start-up configuration). */
@Entity('rules')
export class Rule {
  @PrimaryColumn({ name: 'rule_key', type: 'varchar', length: 40 })
  key: string;

  @Column({ name: 'rule_value', type: 'simple-json' })
  value: unknown;

  @Column({ name: 'updated_by', type: 'int' })
  updatedBy: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
