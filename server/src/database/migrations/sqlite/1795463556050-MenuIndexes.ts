import { MigrationInterface, QueryRunner } from "typeorm";

export class MenuIndexes1795463556050 implements MigrationInterface {
    name = 'MenuIndexes1795463556050'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "IDX_e78f2a9601169a073ab76899e3" ON "service_projects" ("status", "rating_average", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0e9de882ec1d0aef2bbfd649e3" ON "service_projects" ("status", "order_count", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3834668f0347841365fe6c3020" ON "service_projects" ("status", "published_at", "id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "IDX_3834668f0347841365fe6c3020"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_0e9de882ec1d0aef2bbfd649e3"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_e78f2a9601169a073ab76899e3"
        `);
    }

}
