import type { UserRole as Role } from '@hall-menu/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A role a user holds. Reviewers carry their region here; hall managers' halls and
 * provider members' organisations live in their own link tables.
 */
@Entity('user_roles')
@Index(['userId', 'role'], { unique: true })
export class UserRole {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /** For reviewers: the root of the region subtree they review. */
  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;
}
