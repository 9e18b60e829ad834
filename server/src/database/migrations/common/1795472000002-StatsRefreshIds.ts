import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The statistics refresh also remembers the highest order and rating ids it has seen, so rows a seed or an import
 * writes with past `updated_at` times are still taken into the rollups. Null: the next refresh takes every row.
 */
export class StatsRefreshIds1795472000002 implements MigrationInterface {
  name = 'StatsRefreshIds1795472000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const int = queryRunner.connection.driver.normalizeType({ type: 'int' });
    await queryRunner.addColumn('stats_refresh', new TableColumn({ name: 'orders_seen', type: int, isNullable: true }));
    await queryRunner.addColumn('stats_refresh', new TableColumn({ name: 'ratings_seen', type: int, isNullable: true }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('stats_refresh', 'ratings_seen');
    await queryRunner.dropColumn('stats_refresh', 'orders_seen');
  }
}
