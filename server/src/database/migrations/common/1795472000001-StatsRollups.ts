import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

/**
 * Statistics at city scale (issue 8): monthly rollups per township, answer times per order, the snapshots and state
 * row their refresh uses, and the indexes that find what changed and read orders placed in part of a month.
 * Written once with the QueryRunner API for both drivers (types and index names from the running driver).
 */
export class StatsRollups1795472000001 implements MigrationInterface {
  name = 'StatsRollups1795472000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const driver = queryRunner.connection.driver;
    const col = (name: string, type: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: driver.normalizeType({ type: type as never }),
      isNullable: false,
      ...extra,
    });
    const varchar = (name: string, length: number, extra: Partial<TableColumnOptions> = {}) => col(name, 'varchar', { length: String(length), ...extra });
    const key = { isPrimary: true };
    const index = (table: string, columnNames: string[]) => new TableIndex({ name: queryRunner.connection.namingStrategy.indexName(table, columnNames), columnNames });

    await queryRunner.createTable(
      new Table({
        name: 'stats_order_states',
        columns: [varchar('township', 9, key), varchar('month', 7, key), varchar('status', 20, key), col('placed', 'int')],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'stats_category_months',
        columns: [
          varchar('township', 9, key),
          varchar('month', 7, key),
          varchar('category', 16, key),
          ...['placed', 'closed', 'confirmed', 'services', 'attendance'].map((name) => col(name, 'int')),
          col('volunteer_hours', 'double'),
          col('ratings', 'int'),
          col('good', 'int'),
        ],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'stats_answer_times',
        columns: [col('order_id', 'int', key), col('hall_id', 'int'), col('created_at', 'datetime'), col('seconds', 'double')],
        indices: [index('stats_answer_times', ['hall_id', 'created_at', 'seconds'])],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({ name: 'stats_snapshots', columns: [varchar('kind', 10, key), col('subject_id', 'int', key), varchar('value', 20)] }),
      true,
    );
    await queryRunner.createTable(new Table({ name: 'stats_refresh', columns: [col('id', 'int', key), col('watermark', 'datetime', { isNullable: true })] }), true);
    // No watermark yet: the first refresh builds everything.
    await queryRunner.query('INSERT INTO stats_refresh (id, watermark) VALUES (1, NULL)');

    await queryRunner.createIndex('orders', index('orders', ['hall_id', 'created_at', 'status', 'project_id']));
    await queryRunner.createIndex('orders', index('orders', ['updated_at']));
    await queryRunner.createIndex('event_ratings', index('event_ratings', ['updated_at']));
    await queryRunner.createIndex('event_ratings', index('event_ratings', ['event_id', 'hidden', 'stars']));
    await queryRunner.createIndex('hall_events', index('hall_events', ['hall_id', 'starts_at', 'project_id']));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const name = (table: string, columns: string[]) => queryRunner.connection.namingStrategy.indexName(table, columns);
    await queryRunner.dropIndex('hall_events', name('hall_events', ['hall_id', 'starts_at', 'project_id']));
    await queryRunner.dropIndex('event_ratings', name('event_ratings', ['event_id', 'hidden', 'stars']));
    await queryRunner.dropIndex('event_ratings', name('event_ratings', ['updated_at']));
    await queryRunner.dropIndex('orders', name('orders', ['updated_at']));
    await queryRunner.dropIndex('orders', name('orders', ['hall_id', 'created_at', 'status', 'project_id']));
    for (const table of ['stats_refresh', 'stats_snapshots', 'stats_answer_times', 'stats_category_months', 'stats_order_states']) await queryRunner.dropTable(table, true);
  }
}
