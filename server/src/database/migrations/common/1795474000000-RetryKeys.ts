import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions, TableIndex } from 'typeorm';

/**
 * Retries never duplicate: 村晚 nominations and commendations keep the idempotency key of the request that made
 * them, unique per person (null for rows made before keys); consent calls for subscribe messages are remembered by
 * their key so a retried call counts no consent twice. Written with the QueryRunner API in the running driver's
 * types, with the index names the naming strategy gives the entities.
 */
export class RetryKeys1795474000000 implements MigrationInterface {
  name = 'RetryKeys1795474000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const driver = queryRunner.connection.driver;
    const column = (name: string, type: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: driver.normalizeType({ type: type as never }),
      isNullable: false,
      ...extra,
    });
    const key = (extra: Partial<TableColumnOptions> = {}) => column('idempotency_key', 'varchar', { length: '64', ...extra });
    const index = (table: string, columnNames: string[]) =>
      new TableIndex({ name: queryRunner.connection.namingStrategy.indexName(table, columnNames), columnNames, isUnique: true });

    await queryRunner.addColumn('gala_nominations', new TableColumn(key({ isNullable: true })));
    await queryRunner.createIndex('gala_nominations', index('gala_nominations', ['nominated_by', 'idempotency_key']));
    await queryRunner.addColumn('commendations', new TableColumn(key({ isNullable: true })));
    await queryRunner.createIndex('commendations', index('commendations', ['marked_by', 'idempotency_key']));
    await queryRunner.createTable(
      new Table({
        name: 'subscribe_consent_grants',
        columns: [column('user_id', 'int', { isPrimary: true }), key({ isPrimary: true }), column('created_at', 'datetime')],
      }),
      true,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('subscribe_consent_grants', true);
    for (const [table, by] of [['commendations', 'marked_by'], ['gala_nominations', 'nominated_by']]) {
      await queryRunner.dropIndex(table, queryRunner.connection.namingStrategy.indexName(table, [by, 'idempotency_key']));
      await queryRunner.dropColumn(table, 'idempotency_key');
    }
  }
}
