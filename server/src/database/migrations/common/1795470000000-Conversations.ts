import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

/**
 * Conversations, their messages and read cursors; subscribe-message consents and their log; sent reminders.
 * Written with the QueryRunner API so the same file serves MySQL and the embedded database.
 */
export class Conversations1795470000000 implements MigrationInterface {
  name = 'Conversations1795470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const id: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
    const int = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'integer', ...extra });
    const text = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'varchar', length: String(length), ...extra });
    const time = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'datetime', ...extra });

    await queryRunner.createTable(
      new Table({
        name: 'conversations',
        columns: [
          id,
          text('kind', 16),
          int('subject_id'),
          int('hall_id'),
          int('provider_id'),
          text('title', 80),
          int('last_message_id', { isNullable: true }),
          time('last_message_at', { isNullable: true }),
          time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_conversations_subject', columnNames: ['kind', 'subject_id'], isUnique: true }),
          new TableIndex({ name: 'IDX_conversations_hall', columnNames: ['hall_id', 'last_message_id'] }),
          new TableIndex({ name: 'IDX_conversations_provider', columnNames: ['provider_id', 'last_message_id'] }),
        ],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'conversation_messages',
        columns: [
          id,
          int('conversation_id'),
          text('kind', 8),
          int('sender_id', { isNullable: true }),
          text('sender_side', 10),
          text('text', 1000, { isNullable: true }),
          text('photo_url', 200, { isNullable: true }),
          text('client_message_id', 36, { isNullable: true }),
          time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_conversation_messages_conversation', columnNames: ['conversation_id', 'id'] }),
          new TableIndex({ name: 'UQ_conversation_messages_client', columnNames: ['sender_id', 'client_message_id'], isUnique: true }),
        ],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'conversation_reads',
        columns: [int('conversation_id', { isPrimary: true }), int('user_id', { isPrimary: true }), int('last_read_id'), time('updated_at')],
        indices: [new TableIndex({ name: 'IDX_conversation_reads_user', columnNames: ['user_id'] })],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'subscribe_consents',
        columns: [int('user_id', { isPrimary: true }), text('template_key', 32, { isPrimary: true }), int('remaining', { default: 0 }), time('updated_at')],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'subscribe_message_log',
        columns: [id, int('user_id'), text('template_key', 32), text('outcome', 12), text('detail', 200, { isNullable: true }), time('created_at')],
        indices: [new TableIndex({ name: 'IDX_subscribe_message_log_user', columnNames: ['user_id', 'id'] })],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'sent_reminders',
        columns: [id, text('kind', 32), int('subject_id'), int('user_id'), time('created_at')],
        indices: [new TableIndex({ name: 'UQ_sent_reminders_key', columnNames: ['kind', 'subject_id', 'user_id'], isUnique: true })],
      }),
      true,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['sent_reminders', 'subscribe_message_log', 'subscribe_consents', 'conversation_reads', 'conversation_messages', 'conversations']) {
      await queryRunner.dropTable(table, true);
    }
  }
}
