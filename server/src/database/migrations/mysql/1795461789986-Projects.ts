import { MigrationInterface, QueryRunner } from "typeorm";

export class Projects1795461789986 implements MigrationInterface {
    name = 'Projects1795461789986'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`project_areas\` (
                \`project_id\` int NOT NULL,
                \`region_code\` varchar(12) NOT NULL,
                INDEX \`IDX_a722e5a185c3e98f182262954e\` (\`region_code\`, \`project_id\`),
                PRIMARY KEY (\`project_id\`, \`region_code\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`project_blackouts\` (
                \`id\` int NOT NULL AUTO_INCREMENT,
                \`project_id\` int NOT NULL,
                \`from_date\` varchar(10) NOT NULL,
                \`to_date\` varchar(10) NOT NULL,
                INDEX \`IDX_e4d5ab0a1c5269bdad34de96cd\` (\`project_id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`project_revisions\` (
                \`id\` int NOT NULL AUTO_INCREMENT,
                \`project_id\` int NOT NULL,
                \`status\` varchar(16) NOT NULL,
                \`content\` text NOT NULL,
                \`submitted_by\` int NOT NULL,
                \`decision_reason\` varchar(500) NULL,
                \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`IDX_841e8942c6d95c52d0a94dfcf9\` (\`project_id\`),
                INDEX \`IDX_be8c531a248eaf9ccfb6555b62\` (\`status\`, \`created_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`service_projects\` (
                \`id\` int NOT NULL AUTO_INCREMENT,
                \`provider_id\` int NOT NULL,
                \`status\` varchar(16) NOT NULL,
                \`source\` varchar(16) NOT NULL DEFAULT 'declared',
                \`category\` varchar(16) NOT NULL,
                \`title\` varchar(60) NOT NULL,
                \`description\` text NOT NULL,
                \`photos\` text NOT NULL,
                \`duration_minutes\` int NOT NULL,
                \`audience_min\` int NOT NULL,
                \`audience_max\` int NOT NULL,
                \`target_audience\` varchar(10) NOT NULL,
                \`requirements\` varchar(600) NOT NULL DEFAULT '',
                \`weekday_mask\` int NOT NULL,
                \`time_windows\` text NOT NULL,
                \`lead_days\` int NOT NULL,
                \`blackout_dates\` text NOT NULL,
                \`cost\` varchar(12) NOT NULL,
                \`cost_note\` varchar(300) NOT NULL DEFAULT '',
                \`revision\` int NOT NULL DEFAULT '1',
                \`rating_average\` double NULL,
                \`rating_count\` int NOT NULL DEFAULT '0',
                \`order_count\` int NOT NULL DEFAULT '0',
                \`submitted_at\` datetime NULL,
                \`published_at\` datetime NULL,
                \`suspended_at\` datetime NULL,
                \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                INDEX \`IDX_7e13f5031c4262e2e0671db15c\` (\`provider_id\`, \`status\`),
                INDEX \`IDX_124e0e56c25a6c8d259d95346f\` (\`status\`, \`category\`, \`published_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`transition_history\` CHANGE \`from_state\` \`from_state\` varchar(24) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`transition_history\` CHANGE \`actor_id\` \`actor_id\` int NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`transition_history\` CHANGE \`reason\` \`reason\` varchar(500) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`auth_sessions\` CHANGE \`wechat_session_key\` \`wechat_session_key\` varchar(64) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`auth_sessions\` CHANGE \`revoked_at\` \`revoked_at\` datetime NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`auth_sessions\` CHANGE \`revoke_reason\` \`revoke_reason\` varchar(40) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`refresh_tokens\` CHANGE \`used_at\` \`used_at\` datetime NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`halls\` CHANGE \`latitude\` \`latitude\` double NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`halls\` CHANGE \`longitude\` \`longitude\` double NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`regions\` CHANGE \`parent_code\` \`parent_code\` varchar(12) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`user_roles\` CHANGE \`region_code\` \`region_code\` varchar(12) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\` CHANGE \`wechat_openid\` \`wechat_openid\` varchar(64) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\` CHANGE \`demo_key\` \`demo_key\` varchar(40) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\` CHANGE \`phone\` \`phone\` varchar(20) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\` CHANGE \`village_code\` \`village_code\` varchar(12) NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`users\` CHANGE \`village_code\` \`village_code\` varchar(12) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\` CHANGE \`phone\` \`phone\` varchar(20) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\` CHANGE \`demo_key\` \`demo_key\` varchar(40) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\` CHANGE \`wechat_openid\` \`wechat_openid\` varchar(64) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`user_roles\` CHANGE \`region_code\` \`region_code\` varchar(12) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`regions\` CHANGE \`parent_code\` \`parent_code\` varchar(12) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`halls\` CHANGE \`longitude\` \`longitude\` double(22) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`halls\` CHANGE \`latitude\` \`latitude\` double(22) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`refresh_tokens\` CHANGE \`used_at\` \`used_at\` datetime NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`auth_sessions\` CHANGE \`revoke_reason\` \`revoke_reason\` varchar(40) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`auth_sessions\` CHANGE \`revoked_at\` \`revoked_at\` datetime NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`auth_sessions\` CHANGE \`wechat_session_key\` \`wechat_session_key\` varchar(64) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`transition_history\` CHANGE \`reason\` \`reason\` varchar(500) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`transition_history\` CHANGE \`actor_id\` \`actor_id\` int NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`transition_history\` CHANGE \`from_state\` \`from_state\` varchar(24) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_124e0e56c25a6c8d259d95346f\` ON \`service_projects\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_7e13f5031c4262e2e0671db15c\` ON \`service_projects\`
        `);
        await queryRunner.query(`
            DROP TABLE \`service_projects\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_be8c531a248eaf9ccfb6555b62\` ON \`project_revisions\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_841e8942c6d95c52d0a94dfcf9\` ON \`project_revisions\`
        `);
        await queryRunner.query(`
            DROP TABLE \`project_revisions\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_e4d5ab0a1c5269bdad34de96cd\` ON \`project_blackouts\`
        `);
        await queryRunner.query(`
            DROP TABLE \`project_blackouts\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_a722e5a185c3e98f182262954e\` ON \`project_areas\`
        `);
        await queryRunner.query(`
            DROP TABLE \`project_areas\`
        `);
    }

}
