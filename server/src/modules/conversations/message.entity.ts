import type { ConversationSide, MessageKind } from '@hall-menu/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A line in a conversation. Ids only grow, so a client catches up with "after id X". */
@Entity('conversation_messages')
@Index('IDX_conversation_messages_conversation', ['conversationId', 'id'])
@Index('UQ_conversation_messages_client', ['senderId', 'clientMessageId'], { unique: true })
export class Message {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'conversation_id', type: 'int' })
  conversationId: number;

  @Column({ type: 'varchar', length: 8 })
  kind: MessageKind;

  /** Who wrote it; for a system line, who made the change (null when the platform itself did). */
  @Column({ name: 'sender_id', type: 'int', nullable: true })
  senderId: number | null;

  /** The side the sender spoke for when it was written. */
  @Column({ name: 'sender_side', type: 'varchar', length: 10 })
  senderSide: ConversationSide;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  text: string | null;

  @Column({ name: 'photo_url', type: 'varchar', length: 200, nullable: true })
  photoUrl: string | null;

  /** The sender's idempotency key: a retry returns the stored message instead of a second one. */
  @Column({ name: 'client_message_id', type: 'varchar', length: 36, nullable: true })
  clientMessageId: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
