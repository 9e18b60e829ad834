import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795461080252 implements MigrationInterface {
    name = 'Initial1795461080252'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`transition_history\` (
                \`id\` int NOT NULL AUTO_INCREMENT,
                \`entity_type\` varchar(20) NOT NULL,
                \`entity_id\` int NOT NULL,
                \`from_state\` varchar(24) NULL,
                \`to_state\` varchar(24) NOT NULL,
                \`event\` varchar(24) NOT NULL,
                \`actor_id\` int NULL,
                \`actor_role\` varchar(16) NOT NULL,
                \`reason\` varchar(500) NULL,
                \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`IDX_4e869fc44d37f463dd51aebd76\` (\`actor_id\`),
                INDEX \`IDX_df0e66acc150a1becb11660e78\` (\`created_at\`),
                INDEX \`IDX_0e42c1f2ea25309e15c1a3cf63\` (\`entity_type\`, \`entity_id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`auth_sessions\` (
                \`id\` int NOT NULL AUTO_INCREMENT,
                \`user_id\` int NOT NULL,
                \`wechat_session_key\` varchar(64) NULL,
                \`revoked_at\` datetime NULL,
                \`revoke_reason\` varchar(40) NULL,
                \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`IDX_50ccaa6440288a06f0ba693ccc\` (\`user_id\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`refresh_tokens\` (
                \`id\` int NOT NULL AUTO_INCREMENT,
                \`session_id\` int NOT NULL,
                \`token_hash\` varchar(64) NOT NULL,
                \`expires_at\` datetime NOT NULL,
                \`used_at\` datetime NULL,
                \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`IDX_3bf308fa93da3966f9e76fcfba\` (\`session_id\`),
                UNIQUE INDEX \`IDX_a7838d2ba25be1342091b6695f\` (\`token_hash\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`hall_managers\` (
                \`hall_id\` int NOT NULL,
                \`user_id\` int NOT NULL,
                INDEX \`IDX_a146f92d8ac56f9a2374a0cf23\` (\`user_id\`),
                PRIMARY KEY (\`hall_id\`, \`user_id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`halls\` (
                \`id\` int NOT NULL AUTO_INCREMENT,
                \`name\` varchar(60) NOT NULL,
                \`village_code\` varchar(12) NOT NULL,
                \`address\` varchar(120) NOT NULL DEFAULT '',
                \`latitude\` double NULL,
                \`longitude\` double NULL,
                \`seats\` int NOT NULL,
                \`facilities\` text NOT NULL,
                \`annual_quota\` int NOT NULL,
                \`quota_year\` int NOT NULL,
                \`quota_used\` int NOT NULL DEFAULT '0',
                \`star_level\` int NOT NULL DEFAULT '3',
                \`active\` tinyint NOT NULL DEFAULT 1,
                \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                INDEX \`IDX_ee7fc49c5b575e3848c0d59726\` (\`village_code\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`provider_areas\` (
                \`provider_id\` int NOT NULL,
                \`region_code\` varchar(12) NOT NULL,
                INDEX \`IDX_391cfe03fedd94e4538817d25b\` (\`region_code\`),
                PRIMARY KEY (\`provider_id\`, \`region_code\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`provider_members\` (
                \`provider_id\` int NOT NULL,
                \`user_id\` int NOT NULL,
                INDEX \`IDX_e9185c2745f3d7dab5e4b2c80d\` (\`user_id\`),
                PRIMARY KEY (\`provider_id\`, \`user_id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`providers\` (
                \`id\` int NOT NULL AUTO_INCREMENT,
                \`name\` varchar(80) NOT NULL,
                \`kind\` varchar(24) NOT NULL,
                \`description\` varchar(600) NOT NULL DEFAULT '',
                \`contact_name\` varchar(30) NOT NULL,
                \`contact_phone\` varchar(20) NOT NULL,
                \`verification\` varchar(12) NOT NULL DEFAULT 'unverified',
                \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`regions\` (
                \`code\` varchar(12) NOT NULL,
                \`name\` varchar(60) NOT NULL,
                \`level\` varchar(10) NOT NULL,
                \`parent_code\` varchar(12) NULL,
                \`full_name\` varchar(200) NOT NULL,
                INDEX \`IDX_7241ca7859f4288fb12567dd95\` (\`parent_code\`),
                PRIMARY KEY (\`code\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`user_roles\` (
                \`id\` int NOT NULL AUTO_INCREMENT,
                \`user_id\` int NOT NULL,
                \`role\` varchar(16) NOT NULL,
                \`region_code\` varchar(12) NULL,
                UNIQUE INDEX \`IDX_09d115a69b6014d324d592f9c4\` (\`user_id\`, \`role\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`users\` (
                \`id\` int NOT NULL AUTO_INCREMENT,
                \`nickname\` varchar(40) NOT NULL,
                \`wechat_openid\` varchar(64) NULL,
                \`demo_key\` varchar(40) NULL,
                \`phone\` varchar(20) NULL,
                \`village_code\` varchar(12) NULL,
                \`disabled\` tinyint NOT NULL DEFAULT 0,
                \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`IDX_774536da6f91366dba812efcd9\` (\`wechat_openid\`),
                UNIQUE INDEX \`IDX_5f72afa84e7dc6580d57f4b847\` (\`demo_key\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX \`IDX_5f72afa84e7dc6580d57f4b847\` ON \`users\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_774536da6f91366dba812efcd9\` ON \`users\`
        `);
        await queryRunner.query(`
            DROP TABLE \`users\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_09d115a69b6014d324d592f9c4\` ON \`user_roles\`
        `);
        await queryRunner.query(`
            DROP TABLE \`user_roles\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_7241ca7859f4288fb12567dd95\` ON \`regions\`
        `);
        await queryRunner.query(`
            DROP TABLE \`regions\`
        `);
        await queryRunner.query(`
            DROP TABLE \`providers\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_e9185c2745f3d7dab5e4b2c80d\` ON \`provider_members\`
        `);
        await queryRunner.query(`
            DROP TABLE \`provider_members\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_391cfe03fedd94e4538817d25b\` ON \`provider_areas\`
        `);
        await queryRunner.query(`
            DROP TABLE \`provider_areas\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_ee7fc49c5b575e3848c0d59726\` ON \`halls\`
        `);
        await queryRunner.query(`
            DROP TABLE \`halls\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_a146f92d8ac56f9a2374a0cf23\` ON \`hall_managers\`
        `);
        await queryRunner.query(`
            DROP TABLE \`hall_managers\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_a7838d2ba25be1342091b6695f\` ON \`refresh_tokens\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_3bf308fa93da3966f9e76fcfba\` ON \`refresh_tokens\`
        `);
        await queryRunner.query(`
            DROP TABLE \`refresh_tokens\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_50ccaa6440288a06f0ba693ccc\` ON \`auth_sessions\`
        `);
        await queryRunner.query(`
            DROP TABLE \`auth_sessions\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_0e42c1f2ea25309e15c1a3cf63\` ON \`transition_history\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_df0e66acc150a1becb11660e78\` ON \`transition_history\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_4e869fc44d37f463dd51aebd76\` ON \`transition_history\`
        `);
        await queryRunner.query(`
            DROP TABLE \`transition_history\`
        `);
    }

}
