import { MigrationInterface, QueryRunner } from "typeorm";

export class Reservations1795462796124 implements MigrationInterface {
    name = 'Reservations1795462796124'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`hall_follows\` (
                \`user_id\` int NOT NULL,
                \`hall_id\` int NOT NULL,
                \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`IDX_ceff01cc8ca480364bc71e1c0d\` (\`hall_id\`),
                PRIMARY KEY (\`user_id\`, \`hall_id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`reservations\` (
                \`id\` int NOT NULL AUTO_INCREMENT,
                \`event_id\` int NOT NULL,
                \`user_id\` int NULL,
                \`reserved_by\` int NOT NULL,
                \`guest_name\` varchar(20) NULL,
                \`guest_phone\` varchar(11) NULL,
                \`seats\` int NOT NULL,
                \`status\` varchar(12) NOT NULL,
                \`code\` varchar(8) NOT NULL,
                \`holder_key\` varchar(40) NULL,
                \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                INDEX \`IDX_4af5055a871c46d011345a255a\` (\`user_id\`),
                UNIQUE INDEX \`IDX_d77c7b1347dfcb58d07749e146\` (\`code\`),
                UNIQUE INDEX \`IDX_c6811b9f78b1aa99d80376a61b\` (\`holder_key\`),
                INDEX \`IDX_60d71662d9fd151bf5f2db6693\` (\`event_id\`, \`status\`, \`id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`hall_events\`
            ADD \`seats_reserved\` int NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE \`hall_events\`
            ADD \`max_seats_per_person\` int NOT NULL DEFAULT '3'
        `);
        await queryRunner.query(`
            ALTER TABLE \`hall_events\`
            ADD \`walk_ins\` int NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            ALTER TABLE \`hall_events\`
            ADD \`attendance_closed\` tinyint NOT NULL DEFAULT 0
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\`
            ADD \`reservations_suspended_until\` datetime NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\`
            ADD \`reservations_suspended_reason\` varchar(200) NULL
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
            CREATE INDEX \`IDX_004e448b50f9dd66fc607626cd\` ON \`orders\` (\`hall_id\`, \`status\`, \`scheduled_start\`)
        `);
        await queryRunner.query(`
            CREATE INDEX \`IDX_48d35ce3cec1b0dc946baa9a00\` ON \`orders\` (\`provider_id\`, \`status\`, \`scheduled_start\`)
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
            DROP INDEX \`IDX_48d35ce3cec1b0dc946baa9a00\` ON \`orders\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_004e448b50f9dd66fc607626cd\` ON \`orders\`
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
            ALTER TABLE \`users\` DROP COLUMN \`reservations_suspended_reason\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`users\` DROP COLUMN \`reservations_suspended_until\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hall_events\` DROP COLUMN \`attendance_closed\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hall_events\` DROP COLUMN \`walk_ins\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hall_events\` DROP COLUMN \`max_seats_per_person\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hall_events\` DROP COLUMN \`seats_reserved\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_60d71662d9fd151bf5f2db6693\` ON \`reservations\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_c6811b9f78b1aa99d80376a61b\` ON \`reservations\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_d77c7b1347dfcb58d07749e146\` ON \`reservations\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_4af5055a871c46d011345a255a\` ON \`reservations\`
        `);
        await queryRunner.query(`
            DROP TABLE \`reservations\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_ceff01cc8ca480364bc71e1c0d\` ON \`hall_follows\`
        `);
        await queryRunner.query(`
            DROP TABLE \`hall_follows\`
        `);
    }

}
