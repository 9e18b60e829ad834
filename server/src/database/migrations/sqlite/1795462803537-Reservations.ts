import { MigrationInterface, QueryRunner } from "typeorm";

export class Reservations1795462803537 implements MigrationInterface {
    name = 'Reservations1795462803537'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "hall_follows" (
                "user_id" integer NOT NULL,
                "hall_id" integer NOT NULL,
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                PRIMARY KEY ("user_id", "hall_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ceff01cc8ca480364bc71e1c0d" ON "hall_follows" ("hall_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "reservations" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "event_id" integer NOT NULL,
                "user_id" integer,
                "reserved_by" integer NOT NULL,
                "guest_name" varchar(20),
                "guest_phone" varchar(11),
                "seats" integer NOT NULL,
                "status" varchar(12) NOT NULL,
                "code" varchar(8) NOT NULL,
                "holder_key" varchar(40),
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4af5055a871c46d011345a255a" ON "reservations" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_d77c7b1347dfcb58d07749e146" ON "reservations" ("code")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c6811b9f78b1aa99d80376a61b" ON "reservations" ("holder_key")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_60d71662d9fd151bf5f2db6693" ON "reservations" ("event_id", "status", "id")
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_a681765b543badb822eb7c1ec9"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_8b2565c482709608b712287ea4"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_hall_events" (
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
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "seats_reserved" integer NOT NULL DEFAULT (0),
                "max_seats_per_person" integer NOT NULL DEFAULT (3),
                "walk_ins" integer NOT NULL DEFAULT (0),
                "attendance_closed" boolean NOT NULL DEFAULT (0)
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_hall_events"(
                    "id",
                    "order_id",
                    "hall_id",
                    "project_id",
                    "title",
                    "category",
                    "starts_at",
                    "ends_at",
                    "seats",
                    "status",
                    "created_at"
                )
            SELECT "id",
                "order_id",
                "hall_id",
                "project_id",
                "title",
                "category",
                "starts_at",
                "ends_at",
                "seats",
                "status",
                "created_at"
            FROM "hall_events"
        `);
        await queryRunner.query(`
            DROP TABLE "hall_events"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_hall_events"
                RENAME TO "hall_events"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a681765b543badb822eb7c1ec9" ON "hall_events" ("hall_id", "status", "starts_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_8b2565c482709608b712287ea4" ON "hall_events" ("order_id")
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_5f72afa84e7dc6580d57f4b847"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_774536da6f91366dba812efcd9"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_users" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "nickname" varchar(40) NOT NULL,
                "wechat_openid" varchar(64),
                "demo_key" varchar(40),
                "phone" varchar(20),
                "village_code" varchar(12),
                "disabled" boolean NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "reservations_suspended_until" datetime,
                "reservations_suspended_reason" varchar(200)
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_users"(
                    "id",
                    "nickname",
                    "wechat_openid",
                    "demo_key",
                    "phone",
                    "village_code",
                    "disabled",
                    "created_at"
                )
            SELECT "id",
                "nickname",
                "wechat_openid",
                "demo_key",
                "phone",
                "village_code",
                "disabled",
                "created_at"
            FROM "users"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_users"
                RENAME TO "users"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5f72afa84e7dc6580d57f4b847" ON "users" ("demo_key")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_774536da6f91366dba812efcd9" ON "users" ("wechat_openid")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "IDX_774536da6f91366dba812efcd9"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_5f72afa84e7dc6580d57f4b847"
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
                RENAME TO "temporary_users"
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "nickname" varchar(40) NOT NULL,
                "wechat_openid" varchar(64),
                "demo_key" varchar(40),
                "phone" varchar(20),
                "village_code" varchar(12),
                "disabled" boolean NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "users"(
                    "id",
                    "nickname",
                    "wechat_openid",
                    "demo_key",
                    "phone",
                    "village_code",
                    "disabled",
                    "created_at"
                )
            SELECT "id",
                "nickname",
                "wechat_openid",
                "demo_key",
                "phone",
                "village_code",
                "disabled",
                "created_at"
            FROM "temporary_users"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_users"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_774536da6f91366dba812efcd9" ON "users" ("wechat_openid")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5f72afa84e7dc6580d57f4b847" ON "users" ("demo_key")
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_8b2565c482709608b712287ea4"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_a681765b543badb822eb7c1ec9"
        `);
        await queryRunner.query(`
            ALTER TABLE "hall_events"
                RENAME TO "temporary_hall_events"
        `);
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
            INSERT INTO "hall_events"(
                    "id",
                    "order_id",
                    "hall_id",
                    "project_id",
                    "title",
                    "category",
                    "starts_at",
                    "ends_at",
                    "seats",
                    "status",
                    "created_at"
                )
            SELECT "id",
                "order_id",
                "hall_id",
                "project_id",
                "title",
                "category",
                "starts_at",
                "ends_at",
                "seats",
                "status",
                "created_at"
            FROM "temporary_hall_events"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_hall_events"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_8b2565c482709608b712287ea4" ON "hall_events" ("order_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a681765b543badb822eb7c1ec9" ON "hall_events" ("hall_id", "status", "starts_at")
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_60d71662d9fd151bf5f2db6693"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_c6811b9f78b1aa99d80376a61b"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_d77c7b1347dfcb58d07749e146"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_4af5055a871c46d011345a255a"
        `);
        await queryRunner.query(`
            DROP TABLE "reservations"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_ceff01cc8ca480364bc71e1c0d"
        `);
        await queryRunner.query(`
            DROP TABLE "hall_follows"
        `);
    }

}
