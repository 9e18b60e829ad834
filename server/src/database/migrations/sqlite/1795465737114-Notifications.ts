import { MigrationInterface, QueryRunner } from "typeorm";

export class Notifications1795465737114 implements MigrationInterface {
    name = 'Notifications1795465737114'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "user_id" integer NOT NULL,
                "kind" varchar(40) NOT NULL,
                "title" varchar(80) NOT NULL,
                "body" varchar(400) NOT NULL,
                "link" varchar(200),
                "read_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_42a3b53ed1260d584bca380188" ON "notifications" ("user_id", "id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "IDX_42a3b53ed1260d584bca380188"
        `);
        await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    }

}
