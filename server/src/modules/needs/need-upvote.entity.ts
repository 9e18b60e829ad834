import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** 我也想看: one per villager per need (the primary key makes a second one impossible). */
@Entity('need_upvotes')
export class NeedUpvote {
  @PrimaryColumn({ name: 'need_id', type: 'int' })
  needId: number;

  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
