import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * A confirmed import row records the hall it created or updated, so the import result can
 * link each row to its hall. `hall_id` stays what the row matched at preview. Rows confirmed before stay null.
 */
export class ImportWrittenHalls1795475000000 implements MigrationInterface {
  name = 'ImportWrittenHalls1795475000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('hall_import_rows', new TableColumn({ name: 'written_hall_id', type: 'int', isNullable: true }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('hall_import_rows', 'written_hall_id');
  }
}
