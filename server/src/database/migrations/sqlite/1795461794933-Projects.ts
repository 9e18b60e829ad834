import { MigrationInterface, QueryRunner } from "typeorm";

export class Projects1795461794933 implements MigrationInterface {
    name = 'Projects1795461794933'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "project_areas" (
                "project_id" integer NOT NULL,
                "region_code" varchar(12) NOT NULL,
                PRIMARY KEY ("project_id", "region_code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a722e5a185c3e98f182262954e" ON "project_areas" ("region_code", "project_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "project_blackouts" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "project_id" integer NOT NULL,
                "from_date" varchar(10) NOT NULL,
                "to_date" varchar(10) NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_e4d5ab0a1c5269bdad34de96cd" ON "project_blackouts" ("project_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "project_revisions" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "project_id" integer NOT NULL,
                "status" varchar(16) NOT NULL,
                "content" text NOT NULL,
                "submitted_by" integer NOT NULL,
                "decision_reason" varchar(500),
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_841e8942c6d95c52d0a94dfcf9" ON "project_revisions" ("project_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_be8c531a248eaf9ccfb6555b62" ON "project_revisions" ("status", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "service_projects" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "provider_id" integer NOT NULL,
                "status" varchar(16) NOT NULL,
                "source" varchar(16) NOT NULL DEFAULT ('declared'),
                "category" varchar(16) NOT NULL,
                "title" varchar(60) NOT NULL,
                "description" text NOT NULL,
                "photos" text NOT NULL,
                "duration_minutes" integer NOT NULL,
                "audience_min" integer NOT NULL,
                "audience_max" integer NOT NULL,
                "target_audience" varchar(10) NOT NULL,
                "requirements" varchar(600) NOT NULL DEFAULT (''),
                "weekday_mask" integer NOT NULL,
                "time_windows" text NOT NULL,
                "lead_days" integer NOT NULL,
                "blackout_dates" text NOT NULL,
                "cost" varchar(12) NOT NULL,
                "cost_note" varchar(300) NOT NULL DEFAULT (''),
                "revision" integer NOT NULL DEFAULT (1),
                "rating_average" double,
                "rating_count" integer NOT NULL DEFAULT (0),
                "order_count" integer NOT NULL DEFAULT (0),
                "submitted_at" datetime,
                "published_at" datetime,
                "suspended_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_7e13f5031c4262e2e0671db15c" ON "service_projects" ("provider_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_124e0e56c25a6c8d259d95346f" ON "service_projects" ("status", "category", "published_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "IDX_124e0e56c25a6c8d259d95346f"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_7e13f5031c4262e2e0671db15c"
        `);
        await queryRunner.query(`
            DROP TABLE "service_projects"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_be8c531a248eaf9ccfb6555b62"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_841e8942c6d95c52d0a94dfcf9"
        `);
        await queryRunner.query(`
            DROP TABLE "project_revisions"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_e4d5ab0a1c5269bdad34de96cd"
        `);
        await queryRunner.query(`
            DROP TABLE "project_blackouts"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_a722e5a185c3e98f182262954e"
        `);
        await queryRunner.query(`
            DROP TABLE "project_areas"
        `);
    }

}
