import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

/**
 * Administration: the audit trail of officials' changes, configurable rules and their history, invite codes,
 * hall import previews, and a hall's name unique within its village (the key an import matches on).
 * Written with the QueryRunner API so the same file serves MySQL and the embedded database.
 */
export class Administration1795471000000 implements MigrationInterface {
  name = 'Administration1795471000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.driver.options.type === 'mysql';
    const id: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
    const int = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'integer', ...extra });
    const text = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'varchar', length: String(length), ...extra });
    const json = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'text', ...extra });
    const time = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'datetime', ...extra });
    // What TypeORM's @CreateDateColumn is on each database.
    const createdAt: TableColumnOptions = mysql
      ? { name: 'created_at', type: 'datetime', precision: 6, default: 'CURRENT_TIMESTAMP(6)' }
      : { name: 'created_at', type: 'datetime', default: "datetime('now')" };

    await queryRunner.createTable(
      new Table({
        name: 'admin_changes',
        columns: [
          id,
          int('actor_id'),
          text('actor_role', 16),
          text('object_type', 20),
          text('object_id', 40),
          text('action', 24),
          json('before_values', { isNullable: true }),
          json('after_values', { isNullable: true }),
          text('reason', 200, { isNullable: true }),
          text('region_code', 12, { isNullable: true }),
          createdAt,
        ],
        indices: [
          new TableIndex({ name: 'IDX_admin_changes_object', columnNames: ['object_type', 'object_id'] }),
          new TableIndex({ name: 'IDX_admin_changes_actor', columnNames: ['actor_id'] }),
          new TableIndex({ name: 'IDX_admin_changes_region', columnNames: ['region_code'] }),
          new TableIndex({ name: 'IDX_admin_changes_created', columnNames: ['created_at'] }),
        ],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'rules',
        columns: [text('rule_key', 40, { isPrimary: true }), json('rule_value'), int('updated_by'), time('updated_at')],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'rule_changes',
        columns: [id, text('rule_key', 40), json('old_value'), json('new_value'), int('changed_by'), text('reason', 200, { isNullable: true }), createdAt],
        indices: [new TableIndex({ name: 'IDX_rule_changes_key', columnNames: ['rule_key', 'id'] })],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'invites',
        columns: [
          id,
          text('code_hash', 64),
          text('kind', 16),
          int('hall_id', { isNullable: true }),
          int('provider_id', { isNullable: true }),
          text('region_code', 12, { isNullable: true }),
          int('created_by'),
          time('expires_at'),
          int('redeemed_by', { isNullable: true }),
          time('redeemed_at', { isNullable: true }),
          time('revoked_at', { isNullable: true }),
          createdAt,
        ],
        indices: [
          new TableIndex({ name: 'IDX_invites_code_hash', columnNames: ['code_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_invites_region', columnNames: ['region_code'] }),
        ],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'hall_imports',
        columns: [
          id,
          int('created_by'),
          text('file_name', 120),
          text('status', 12),
          text('mode', 16, { isNullable: true }),
          int('row_count'),
          int('create_count'),
          int('update_count'),
          int('unchanged_count'),
          int('error_count'),
          time('confirmed_at', { isNullable: true }),
          createdAt,
        ],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'hall_import_rows',
        columns: [
          id,
          int('import_id'),
          int('line'),
          text('result', 12),
          int('hall_id', { isNullable: true }),
          text('village_code', 12, { isNullable: true }),
          text('raw_name', 120),
          json('hall_values', { isNullable: true }),
          json('seen_values', { isNullable: true }),
          json('changes'),
          json('errors'),
        ],
        indices: [new TableIndex({ name: 'IDX_hall_import_rows_import', columnNames: ['import_id', 'line'] })],
      }),
      true,
    );

    await queryRunner.createIndex('halls', new TableIndex({ name: 'IDX_halls_village_name', columnNames: ['village_code', 'name'], isUnique: true }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('halls', 'IDX_halls_village_name');
    for (const table of ['hall_import_rows', 'hall_imports', 'invites', 'rule_changes', 'rules', 'admin_changes']) {
      await queryRunner.dropTable(table, true);
    }
  }
}
