import { MigrationInterface, QueryRunner } from "typeorm";

export class Ratings1795465348047 implements MigrationInterface {
    name = 'Ratings1795465348047'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "event_ratings" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "event_id" integer NOT NULL,
                "project_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "stars" integer NOT NULL,
                "text" varchar(400) NOT NULL DEFAULT (''),
                "photo" varchar(200),
                "hidden" boolean NOT NULL DEFAULT (0),
                "hidden_reason" varchar(300),
                "created_at" datetime NOT NULL DEFAULT (datetime('now')),
                "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_999902ca52b17954781a998c29" ON "event_ratings" ("project_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_be928712b372a4a2ee34f053c6" ON "event_ratings" ("event_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "order_ratings" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "order_id" integer NOT NULL,
                "side" varchar(10) NOT NULL,
                "rater_id" integer NOT NULL,
                "scores" text NOT NULL,
                "stars" double NOT NULL,
                "text" varchar(400) NOT NULL DEFAULT (''),
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_117db78d15f0b449f71ec5c17d" ON "order_ratings" ("order_id", "side")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "IDX_117db78d15f0b449f71ec5c17d"
        `);
        await queryRunner.query(`
            DROP TABLE "order_ratings"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_be928712b372a4a2ee34f053c6"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_999902ca52b17954781a998c29"
        `);
        await queryRunner.query(`
            DROP TABLE "event_ratings"
        `);
    }

}
