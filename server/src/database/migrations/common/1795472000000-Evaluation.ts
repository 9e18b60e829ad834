import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions, TableIndex } from 'typeorm';

/**
 * Evaluation (issue 8): scores of projects, providers and halls; the hidden flag of order ratings; providers' team
 * size; yearly commendations; 村晚 nominations. Written once with the QueryRunner API for both drivers: types,
 * defaults and index names come from the running driver and naming strategy, as the entities would have them.
 */
export class Evaluation1795472000000 implements MigrationInterface {
  name = 'Evaluation1795472000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    const index = (table: string, columnNames: string[], isUnique = false) =>
      new TableIndex({ name: queryRunner.connection.namingStrategy.indexName(table, columnNames), columnNames, isUnique });

    await queryRunner.createTable(
      new Table({
        name: 'rating_scores',
        columns: [
          c.varchar('subject_type', 10, { isPrimary: true }),
          c.int('subject_id', { isPrimary: true }),
          c.int('ratings_count', { default: '0' }),
          c.double('average', { isNullable: true }),
          c.double('score'),
          c.int('good_count', { default: '0' }),
          c.datetime('flagged_at', { isNullable: true }),
          c.updatedAt(),
        ],
        indices: [index('rating_scores', ['subject_type', 'score'])],
      }),
      true,
    );

    await queryRunner.addColumn('order_ratings', new TableColumn(c.boolean('hidden', false)));
    await queryRunner.addColumn('order_ratings', new TableColumn(c.varchar('hidden_reason', 300, { isNullable: true })));
    await queryRunner.addColumn('providers', new TableColumn(c.int('team_size', { default: '1' })));

    await queryRunner.createTable(
      new Table({
        name: 'commendations',
        columns: [
          c.id(),
          c.varchar('kind', 10),
          c.int('subject_id'),
          c.int('year'),
          c.varchar('citation', 300),
          c.varchar('status', 10),
          c.int('marked_by'),
          c.datetime('marked_at'),
          c.createdAt(),
          c.updatedAt(),
        ],
        indices: [index('commendations', ['kind', 'subject_id', 'year'], true), index('commendations', ['year', 'kind', 'status'])],
      }),
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: 'gala_nominations',
        columns: [
          c.id(),
          c.varchar('status', 12),
          c.varchar('gala_name', 60),
          c.varchar('performers', 300),
          c.varchar('source_village_code', 12),
          c.int('source_hall_id', { isNullable: true }),
          c.int('project_id'),
          c.int('provider_id'),
          c.boolean('provider_created', false),
          c.int('nominated_by'),
          c.datetime('decided_at', { isNullable: true }),
          c.varchar('reason', 500, { isNullable: true }),
          c.createdAt(),
          c.updatedAt(),
        ],
        indices: [
          index('gala_nominations', ['project_id'], true),
          index('gala_nominations', ['status', 'created_at']),
          index('gala_nominations', ['provider_id', 'status']),
        ],
      }),
      true,
    );

    await backfillScores(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('gala_nominations', true);
    await queryRunner.dropTable('commendations', true);
    await queryRunner.dropColumn('providers', 'team_size');
    await queryRunner.dropColumn('order_ratings', 'hidden_reason');
    await queryRunner.dropColumn('order_ratings', 'hidden');
    await queryRunner.dropTable('rating_scores', true);
  }
}

/** Column options in the running driver's own types, so MySQL and SQLite get what their entities describe. */
function columnsFor(queryRunner: QueryRunner) {
  const driver = queryRunner.connection.driver;
  const type = (t: string) => driver.normalizeType({ type: t as never });
  const mapped = driver.mappedDataTypes;
  const col = (name: string, t: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: type(t), isNullable: false, ...extra });
  return {
    id: (): TableColumnOptions => ({ ...col('id', 'int'), isPrimary: true, isGenerated: true, generationStrategy: 'increment' }),
    int: (name: string, extra?: Partial<TableColumnOptions>) => col(name, 'int', extra),
    double: (name: string, extra?: Partial<TableColumnOptions>) => col(name, 'double', extra),
    varchar: (name: string, length: number, extra?: Partial<TableColumnOptions>) => col(name, 'varchar', { length: String(length), ...extra }),
    boolean: (name: string, value: boolean) => col(name, 'boolean', { default: value ? '1' : '0' }),
    datetime: (name: string, extra?: Partial<TableColumnOptions>) => col(name, 'datetime', extra),
    createdAt: (): TableColumnOptions => ({
      ...col('created_at', String(mapped.createDate)),
      precision: mapped.createDatePrecision ?? undefined,
      default: mapped.createDateDefault,
    }),
    updatedAt: (): TableColumnOptions => ({
      ...col('updated_at', String(mapped.updateDate)),
      precision: mapped.updateDatePrecision ?? undefined,
      default: mapped.updateDateDefault,
      // MySQL refreshes it on every update; elsewhere TypeORM sets it.
      onUpdate: queryRunner.connection.options.type === 'mysql' ? mapped.updateDateDefault : undefined,
    }),
  };
}

/** Scores for the ratings given before this table existed: the same sums the ratings service keeps. */
async function backfillScores(queryRunner: QueryRunner): Promise<void> {
  // Bayesian average with prior 4.0 counted as 5 ratings (see needs/scorer.ts `bayesianRating`).
  const score = '(20.0 + SUM(stars)) / (5 + COUNT(*))';
  const visible = `
    SELECT e.project_id AS project_id, p.provider_id AS provider_id, e.stars AS stars FROM event_ratings e JOIN service_projects p ON p.id = e.project_id WHERE e.hidden = 0
    UNION ALL
    SELECT o.project_id, o.provider_id, r.stars FROM order_ratings r JOIN orders o ON o.id = r.order_id WHERE r.side = 'hall'`;
  for (const [subject, key] of [['project', 'project_id'], ['provider', 'provider_id']] as const) {
    await queryRunner.query(
      `INSERT INTO rating_scores (subject_type, subject_id, ratings_count, average, score, good_count)
       SELECT '${subject}', ${key}, COUNT(*), AVG(stars), ${score}, SUM(CASE WHEN stars >= 4 THEN 1 ELSE 0 END) FROM (${visible}) v GROUP BY ${key}`,
    );
  }
  await queryRunner.query(
    `INSERT INTO rating_scores (subject_type, subject_id, ratings_count, average, score, good_count)
     SELECT 'hall', o.hall_id, COUNT(*), AVG(r.stars), (20.0 + SUM(r.stars)) / (5 + COUNT(*)), SUM(CASE WHEN r.stars >= 4 THEN 1 ELSE 0 END)
     FROM order_ratings r JOIN orders o ON o.id = r.order_id WHERE r.side = 'provider' GROUP BY o.hall_id`,
  );
}
