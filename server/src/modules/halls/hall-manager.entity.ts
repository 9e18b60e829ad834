import { Entity, Index, PrimaryColumn } from 'typeorm';

/** Which users manage which halls (scope of the hall_manager role). */
@Entity('hall_managers')
export class HallManager {
  @PrimaryColumn({ name: 'hall_id', type: 'int' })
  hallId: number;

  @Index()
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;
}
