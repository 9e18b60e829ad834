import { MigrationInterface, QueryRunner } from "typeorm";

export class Notifications1795465733553 implements MigrationInterface {
    name = 'Notifications1795465733553'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`notifications\` (
                \`id\` int NOT NULL AUTO_INCREMENT,
                \`user_id\` int NOT NULL,
                \`kind\` varchar(40) NOT NULL,
                \`title\` varchar(80) NOT NULL,
                \`body\` varchar(400) NOT NULL,
                \`link\` varchar(200) NULL,
                \`read_at\` datetime NULL,
                \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`IDX_42a3b53ed1260d584bca380188\` (\`user_id\`, \`id\`),
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
            ALTER TABLE \`halls\` CHANGE \`blackout_dates\` \`blackout_dates\` text NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`need_responses\` CHANGE \`order_id\` \`order_id\` int NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`needs\` CHANGE \`matched_order_id\` \`matched_order_id\` int NULL
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_004e448b50f9dd66fc607626cd\` ON \`orders\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_48d35ce3cec1b0dc946baa9a00\` ON \`orders\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`scheduled_start\` \`scheduled_start\` datetime NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`scheduled_end\` \`scheduled_end\` datetime NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`proposed_start\` \`proposed_start\` datetime NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`proposed_end\` \`proposed_end\` datetime NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`proposal_note\` \`proposal_note\` varchar(300) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`confirm_deadline\` \`confirm_deadline\` datetime NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`head_count\` \`head_count\` int NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`completion_note\` \`completion_note\` varchar(600) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`completion_photos\` \`completion_photos\` text NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`project_revisions\` CHANGE \`decision_reason\` \`decision_reason\` varchar(500) NULL
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_e78f2a9601169a073ab76899e3\` ON \`service_projects\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_3834668f0347841365fe6c3020\` ON \`service_projects\`
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
            ALTER TABLE \`reservations\` CHANGE \`user_id\` \`user_id\` int NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`reservations\` CHANGE \`guest_name\` \`guest_name\` varchar(20) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`reservations\` CHANGE \`guest_phone\` \`guest_phone\` varchar(11) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`reservations\` CHANGE \`holder_key\` \`holder_key\` varchar(40) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`event_ratings\` CHANGE \`photo\` \`photo\` varchar(200) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`event_ratings\` CHANGE \`hidden_reason\` \`hidden_reason\` varchar(300) NULL
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
            ALTER TABLE \`users\` CHANGE \`reservations_suspended_until\` \`reservations_suspended_until\` datetime NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\` CHANGE \`reservations_suspended_reason\` \`reservations_suspended_reason\` varchar(200) NULL
        `);
        await queryRunner.query(`
            CREATE INDEX \`IDX_004e448b50f9dd66fc607626cd\` ON \`orders\` (\`hall_id\`, \`status\`, \`scheduled_start\`)
        `);
        await queryRunner.query(`
            CREATE INDEX \`IDX_48d35ce3cec1b0dc946baa9a00\` ON \`orders\` (\`provider_id\`, \`status\`, \`scheduled_start\`)
        `);
        await queryRunner.query(`
            CREATE INDEX \`IDX_e78f2a9601169a073ab76899e3\` ON \`service_projects\` (\`status\`, \`rating_average\`, \`id\`)
        `);
        await queryRunner.query(`
            CREATE INDEX \`IDX_3834668f0347841365fe6c3020\` ON \`service_projects\` (\`status\`, \`published_at\`, \`id\`)
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
            DROP INDEX \`IDX_3834668f0347841365fe6c3020\` ON \`service_projects\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_e78f2a9601169a073ab76899e3\` ON \`service_projects\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_48d35ce3cec1b0dc946baa9a00\` ON \`orders\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_004e448b50f9dd66fc607626cd\` ON \`orders\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\` CHANGE \`reservations_suspended_reason\` \`reservations_suspended_reason\` varchar(200) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\` CHANGE \`reservations_suspended_until\` \`reservations_suspended_until\` datetime NULL DEFAULT 'NULL'
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
            ALTER TABLE \`event_ratings\` CHANGE \`hidden_reason\` \`hidden_reason\` varchar(300) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`event_ratings\` CHANGE \`photo\` \`photo\` varchar(200) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`reservations\` CHANGE \`holder_key\` \`holder_key\` varchar(40) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`reservations\` CHANGE \`guest_phone\` \`guest_phone\` varchar(11) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`reservations\` CHANGE \`guest_name\` \`guest_name\` varchar(20) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`reservations\` CHANGE \`user_id\` \`user_id\` int NULL DEFAULT 'NULL'
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
            CREATE INDEX \`IDX_3834668f0347841365fe6c3020\` ON \`service_projects\` (\`status\`, \`published_at\`, \`id\`)
        `);
        await queryRunner.query(`
            CREATE INDEX \`IDX_e78f2a9601169a073ab76899e3\` ON \`service_projects\` (\`status\`, \`rating_average\`, \`id\`)
        `);
        await queryRunner.query(`
            ALTER TABLE \`project_revisions\` CHANGE \`decision_reason\` \`decision_reason\` varchar(500) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`completion_photos\` \`completion_photos\` text NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`completion_note\` \`completion_note\` varchar(600) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`head_count\` \`head_count\` int NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`confirm_deadline\` \`confirm_deadline\` datetime NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`proposal_note\` \`proposal_note\` varchar(300) NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`proposed_end\` \`proposed_end\` datetime NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`proposed_start\` \`proposed_start\` datetime NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`scheduled_end\` \`scheduled_end\` datetime NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`orders\` CHANGE \`scheduled_start\` \`scheduled_start\` datetime NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            CREATE INDEX \`IDX_48d35ce3cec1b0dc946baa9a00\` ON \`orders\` (\`provider_id\`, \`status\`, \`scheduled_start\`)
        `);
        await queryRunner.query(`
            CREATE INDEX \`IDX_004e448b50f9dd66fc607626cd\` ON \`orders\` (\`hall_id\`, \`status\`, \`scheduled_start\`)
        `);
        await queryRunner.query(`
            ALTER TABLE \`needs\` CHANGE \`matched_order_id\` \`matched_order_id\` int NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`need_responses\` CHANGE \`order_id\` \`order_id\` int NULL DEFAULT 'NULL'
        `);
        await queryRunner.query(`
            ALTER TABLE \`halls\` CHANGE \`blackout_dates\` \`blackout_dates\` text NULL DEFAULT 'NULL'
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
            DROP INDEX \`IDX_42a3b53ed1260d584bca380188\` ON \`notifications\`
        `);
        await queryRunner.query(`
            DROP TABLE \`notifications\`
        `);
    }

}
