import type { ConversationKind } from '@hall-menu/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One conversation per order and one per need response. Who takes part is not stored: it is the hall's managers,
 * the provider's members and, while a dispute is open, the region's reviewers, read from the scope tables.
 */
@Entity('conversations')
@Index('UQ_conversations_subject', ['kind', 'subjectId'], { unique: true })
@Index('IDX_conversations_hall', ['hallId', 'lastMessageId'])
@Index('IDX_conversations_provider', ['providerId', 'lastMessageId'])
export class Conversation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  kind: ConversationKind;

  /** The order id or the need response id. */
  @Column({ name: 'subject_id', type: 'int' })
  subjectId: number;

  @Column({ name: 'hall_id', type: 'int' })
  hallId: number;

  @Column({ name: 'provider_id', type: 'int' })
  providerId: number;

  @Column({ type: 'varchar', length: 80 })
  title: string;

  /** Newest message, kept in the transaction that stores it; orders the conversation list. */
  @Column({ name: 'last_message_id', type: 'int', nullable: true })
  lastMessageId: number | null;

  @Column({ name: 'last_message_at', type: 'datetime', nullable: true })
  lastMessageAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
