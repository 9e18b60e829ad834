import { MigrationInterface, QueryRunner } from "typeorm";

export class Needs1795464107590 implements MigrationInterface {
    name = 'Needs1795464107590'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "need_responses" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "need_id" integer NOT NULL,
                "provider_id" integer NOT NULL,
                "project_id" integer NOT NULL,
                "responder_id" integer NOT NULL,
                "proposed_start" datetime NOT NULL,
                "proposed_end" datetime NOT NULL,
                "message" varchar(400) NOT NULL DEFAULT (''),
                "status" varchar(12) NOT NULL DEFAULT ('pending'),
                "order_id" integer,
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_2471afbfa53521fcb1228d07ea" ON "need_responses" ("provider_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_3715e6919ec3ba699bf6915970" ON "need_responses" ("need_id", "project_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "need_upvotes" (
                "need_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                PRIMARY KEY ("need_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "needs" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "hall_id" integer NOT NULL,
                "created_by" integer NOT NULL,
                "category" varchar(16) NOT NULL,
                "title" varchar(60) NOT NULL,
                "description" varchar(600) NOT NULL DEFAULT (''),
                "period_from" varchar(10) NOT NULL,
                "period_to" varchar(10) NOT NULL,
                "expected_audience" integer NOT NULL,
                "target_audience" varchar(10) NOT NULL DEFAULT ('all'),
                "status" varchar(12) NOT NULL,
                "upvotes" integer NOT NULL DEFAULT (0),
                "matched_order_id" integer,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_2a8e5bf0af33b3a8fc1fa59508" ON "needs" ("hall_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_390e1e50aa251163b036cd325e" ON "needs" ("status", "period_to")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "IDX_390e1e50aa251163b036cd325e"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_2a8e5bf0af33b3a8fc1fa59508"
        `);
        await queryRunner.query(`
            DROP TABLE "needs"
        `);
        await queryRunner.query(`
            DROP TABLE "need_upvotes"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_3715e6919ec3ba699bf6915970"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_2471afbfa53521fcb1228d07ea"
        `);
        await queryRunner.query(`
            DROP TABLE "need_responses"
        `);
    }

}
