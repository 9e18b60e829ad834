import { MigrationInterface, QueryRunner } from "typeorm";

export class Orders1795462451741 implements MigrationInterface {
    name = 'Orders1795462451741'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`hall_events\` (
                \`id\` int NOT NULL AUTO_INCREMENT,
                \`order_id\` int NOT NULL,
                \`hall_id\` int NOT NULL,
                \`project_id\` int NOT NULL,
                \`title\` varchar(60) NOT NULL,
                \`category\` varchar(16) NOT NULL,
                \`starts_at\` datetime NOT NULL,
                \`ends_at\` datetime NOT NULL,
                \`seats\` int NOT NULL,
                \`status\` varchar(12) NOT NULL DEFAULT 'scheduled',
                \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`IDX_8b2565c482709608b712287ea4\` (\`order_id\`),
                INDEX \`IDX_a681765b543badb822eb7c1ec9\` (\`hall_id\`, \`status\`, \`starts_at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`orders\` (
                \`id\` int NOT NULL AUTO_INCREMENT,
                \`project_id\` int NOT NULL,
                \`hall_id\` int NOT NULL,
                \`provider_id\` int NOT NULL,
                \`ordered_by\` int NOT NULL,
                \`idempotency_key\` varchar(64) NOT NULL,
                \`status\` varchar(20) NOT NULL,
                \`windows\` text NOT NULL,
                \`expected_audience\` int NOT NULL,
                \`notes\` varchar(400) NOT NULL DEFAULT '',
                \`scheduled_start\` datetime NULL,
                \`scheduled_end\` datetime NULL,
                \`proposed_start\` datetime NULL,
                \`proposed_end\` datetime NULL,
                \`proposal_note\` varchar(300) NULL,
                \`answer_deadline\` datetime NOT NULL,
                \`confirm_deadline\` datetime NULL,
                \`head_count\` int NULL,
                \`completion_note\` varchar(600) NULL,
                \`completion_photos\` text NULL,
                \`quota_year\` int NOT NULL,
                \`quota_returned\` tinyint NOT NULL DEFAULT 0,
                \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`IDX_ff75a971d467dbc854f396b173\` (\`ordered_by\`, \`idempotency_key\`),
                INDEX \`IDX_75eb21ee3cef198c0f18f5b5ce\` (\`status\`, \`answer_deadline\`),
                INDEX \`IDX_004e448b50f9dd66fc607626cd\` (\`hall_id\`, \`status\`, \`scheduled_start\`),
                INDEX \`IDX_48d35ce3cec1b0dc946baa9a00\` (\`provider_id\`, \`status\`, \`scheduled_start\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`halls\`
            ADD \`blackout_dates\` text NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`providers\`
            ADD \`team_count\` int NOT NULL DEFAULT '1'
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
            ALTER TABLE \`project_revisions\` CHANGE \`decision_reason\` \`decision_reason\` varchar(500) NULL
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_124e0e56c25a6c8d259d95346f\` ON \`service_projects\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`service_projects\` CHANGE \`rating_average\` \`rating_average\` double NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`service_projects\` CHANGE \`submitted_at\` \`submitted_at\` datetime NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`service_projects\` CHANGE \`published_at\` \`published_at\` datetime NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`service_projects\` CHANGE \`suspended_at\` \`suspended_at\` datetime NULL
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
        await queryRunner.query(`
            CREATE INDEX \`IDX_124e0e56c25a6c8d259d95346f\` ON \`service_projects\` (\`status\`, \`category\`, \`published_at\`)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX \`IDX_124e0e56c25a6c8d259d95346f\` ON \`service_projects\`
        `);
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
            ALTER TABLE \`service_projects\` CHANGE \`suspended_at\` \`suspended_at\` datetime NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`service_projects\` CHANGE \`published_at\` \`published_at\` datetime NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`service_projects\` CHANGE \`submitted_at\` \`submitted_at\` datetime NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`service_projects\` CHANGE \`rating_average\` \`rating_average\` double(22) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            CREATE INDEX \`IDX_124e0e56c25a6c8d259d95346f\` ON \`service_projects\` (\`status\`, \`category\`, \`published_at\`)
        `);
        await queryRunner.query(`
            ALTER TABLE \`project_revisions\` CHANGE \`decision_reason\` \`decision_reason\` varchar(500) NULL DEFAULT 'NULL'
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
            ALTER TABLE \`providers\` DROP COLUMN \`team_count\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`halls\` DROP COLUMN \`blackout_dates\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_48d35ce3cec1b0dc946baa9a00\` ON \`orders\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_004e448b50f9dd66fc607626cd\` ON \`orders\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_75eb21ee3cef198c0f18f5b5ce\` ON \`orders\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_ff75a971d467dbc854f396b173\` ON \`orders\`
        `);
        await queryRunner.query(`
            DROP TABLE \`orders\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_a681765b543badb822eb7c1ec9\` ON \`hall_events\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_8b2565c482709608b712287ea4\` ON \`hall_events\`
        `);
        await queryRunner.query(`
            DROP TABLE \`hall_events\`
        `);
    }

}
