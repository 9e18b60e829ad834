import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A villager follows a hall to see its events under 活动. */
@Entity('hall_follows')
export class HallFollow {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @Index()
  @PrimaryColumn({ name: 'hall_id', type: 'int' })
  hallId: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
