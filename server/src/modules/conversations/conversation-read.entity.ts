import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How far a person has read a conversation; messages after `lastReadId` from others are unread. */
@Entity('conversation_reads')
@Index('IDX_conversation_reads_user', ['userId'])
export class ConversationRead {
  @PrimaryColumn({ name: 'conversation_id', type: 'int' })
  conversationId: number;

  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'last_read_id', type: 'int' })
  lastReadId: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
