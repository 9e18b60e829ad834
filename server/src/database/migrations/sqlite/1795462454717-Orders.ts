import { MigrationInterface, QueryRunner } from "typeorm";

export class Orders1795462454717 implements MigrationInterface {
    name = 'Orders1795462454717'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "hall_events" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "order_id" integer NOT NULL,
                "hall_id" integer NOT NULL,
                "project_id" integer NOT NULL,
                "title" varchar(60) NOT NULL,
                "category" varchar(16) NOT NULL,
                "starts_at" datetime NOT NULL,
                "ends_at" datetime NOT NULL,
                "seats" integer NOT NULL,
                "status" varchar(12) NOT NULL DEFAULT ('scheduled'),
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_8b2565c482709608b712287ea4" ON "hall_events" ("order_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a681765b543badb822eb7c1ec9" ON "hall_events" ("hall_id", "status", "starts_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "orders" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "project_id" integer NOT NULL,
                "hall_id" integer NOT NULL,
                "provider_id" integer NOT NULL,
                "ordered_by" integer NOT NULL,
                "idempotency_key" varchar(64) NOT NULL,
                "status" varchar(20) NOT NULL,
                "windows" text NOT NULL,
                "expected_audience" integer NOT NULL,
                "notes" varchar(400) NOT NULL DEFAULT (''),
                "scheduled_start" datetime,
                "scheduled_end" datetime,
                "proposed_start" datetime,
                "proposed_end" datetime,
                "proposal_note" varchar(300),
                "answer_deadline" datetime NOT NULL,
                "confirm_deadline" datetime,
                "head_count" integer,
                "completion_note" varchar(600),
                "completion_photos" text,
                "quota_year" integer NOT NULL,
                "quota_returned" boolean NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ff75a971d467dbc854f396b173" ON "orders" ("ordered_by", "idempotency_key")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_75eb21ee3cef198c0f18f5b5ce" ON "orders" ("status", "answer_deadline")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_004e448b50f9dd66fc607626cd" ON "orders" ("hall_id", "status", "scheduled_start")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_48d35ce3cec1b0dc946baa9a00" ON "orders" ("provider_id", "status", "scheduled_start")
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_ee7fc49c5b575e3848c0d59726"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_halls" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "name" varchar(60) NOT NULL,
                "village_code" varchar(12) NOT NULL,
                "address" varchar(120) NOT NULL DEFAULT (''),
                "latitude" double,
                "longitude" double,
                "seats" integer NOT NULL,
                "facilities" text NOT NULL,
                "annual_quota" integer NOT NULL,
                "quota_year" integer NOT NULL,
                "quota_used" integer NOT NULL DEFAULT (0),
                "star_level" integer NOT NULL DEFAULT (3),
                "active" boolean NOT NULL DEFAULT (1),
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
                "blackout_dates" text
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_halls"(
                    "id",
                    "name",
                    "village_code",
                    "address",
                    "latitude",
                    "longitude",
                    "seats",
                    "facilities",
                    "annual_quota",
                    "quota_year",
                    "quota_used",
                    "star_level",
                    "active",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "name",
                "village_code",
                "address",
                "latitude",
                "longitude",
                "seats",
                "facilities",
                "annual_quota",
                "quota_year",
                "quota_used",
                "star_level",
                "active",
                "created_at",
                "updated_at"
            FROM "halls"
        `);
        await queryRunner.query(`
            DROP TABLE "halls"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_halls"
                RENAME TO "halls"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ee7fc49c5b575e3848c0d59726" ON "halls" ("village_code")
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_providers" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "name" varchar(80) NOT NULL,
                "kind" varchar(24) NOT NULL,
                "description" varchar(600) NOT NULL DEFAULT (''),
                "contact_name" varchar(30) NOT NULL,
                "contact_phone" varchar(20) NOT NULL,
                "verification" varchar(12) NOT NULL DEFAULT ('unverified'),
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
                "team_count" integer NOT NULL DEFAULT (1)
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_providers"(
                    "id",
                    "name",
                    "kind",
                    "description",
                    "contact_name",
                    "contact_phone",
                    "verification",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "name",
                "kind",
                "description",
                "contact_name",
                "contact_phone",
                "verification",
                "created_at",
                "updated_at"
            FROM "providers"
        `);
        await queryRunner.query(`
            DROP TABLE "providers"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_providers"
                RENAME TO "providers"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "providers"
                RENAME TO "temporary_providers"
        `);
        await queryRunner.query(`
            CREATE TABLE "providers" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "name" varchar(80) NOT NULL,
                "kind" varchar(24) NOT NULL,
                "description" varchar(600) NOT NULL DEFAULT (''),
                "contact_name" varchar(30) NOT NULL,
                "contact_phone" varchar(20) NOT NULL,
                "verification" varchar(12) NOT NULL DEFAULT ('unverified'),
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "providers"(
                    "id",
                    "name",
                    "kind",
                    "description",
                    "contact_name",
                    "contact_phone",
                    "verification",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "name",
                "kind",
                "description",
                "contact_name",
                "contact_phone",
                "verification",
                "created_at",
                "updated_at"
            FROM "temporary_providers"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_providers"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_ee7fc49c5b575e3848c0d59726"
        `);
        await queryRunner.query(`
            ALTER TABLE "halls"
                RENAME TO "temporary_halls"
        `);
        await queryRunner.query(`
            CREATE TABLE "halls" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "name" varchar(60) NOT NULL,
                "village_code" varchar(12) NOT NULL,
                "address" varchar(120) NOT NULL DEFAULT (''),
                "latitude" double,
                "longitude" double,
                "seats" integer NOT NULL,
                "facilities" text NOT NULL,
                "annual_quota" integer NOT NULL,
                "quota_year" integer NOT NULL,
                "quota_used" integer NOT NULL DEFAULT (0),
                "star_level" integer NOT NULL DEFAULT (3),
                "active" boolean NOT NULL DEFAULT (1),
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "halls"(
                    "id",
                    "name",
                    "village_code",
                    "address",
                    "latitude",
                    "longitude",
                    "seats",
                    "facilities",
                    "annual_quota",
                    "quota_year",
                    "quota_used",
                    "star_level",
                    "active",
                    "created_at",
                    "updated_at"
                )
            SELECT "id",
                "name",
                "village_code",
                "address",
                "latitude",
                "longitude",
                "seats",
                "facilities",
                "annual_quota",
                "quota_year",
                "quota_used",
                "star_level",
                "active",
                "created_at",
                "updated_at"
            FROM "temporary_halls"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_halls"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ee7fc49c5b575e3848c0d59726" ON "halls" ("village_code")
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_48d35ce3cec1b0dc946baa9a00"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_004e448b50f9dd66fc607626cd"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_75eb21ee3cef198c0f18f5b5ce"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_ff75a971d467dbc854f396b173"
        `);
        await queryRunner.query(`
            DROP TABLE "orders"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_a681765b543badb822eb7c1ec9"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_8b2565c482709608b712287ea4"
        `);
        await queryRunner.query(`
            DROP TABLE "hall_events"
        `);
    }

}
