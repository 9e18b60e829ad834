import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795461082854 implements MigrationInterface {
    name = 'Initial1795461082854'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "transition_history" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "entity_type" varchar(20) NOT NULL,
                "entity_id" integer NOT NULL,
                "from_state" varchar(24),
                "to_state" varchar(24) NOT NULL,
                "event" varchar(24) NOT NULL,
                "actor_id" integer,
                "actor_role" varchar(16) NOT NULL,
                "reason" varchar(500),
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4e869fc44d37f463dd51aebd76" ON "transition_history" ("actor_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_df0e66acc150a1becb11660e78" ON "transition_history" ("created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0e42c1f2ea25309e15c1a3cf63" ON "transition_history" ("entity_type", "entity_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "auth_sessions" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "user_id" integer NOT NULL,
                "wechat_session_key" varchar(64),
                "revoked_at" datetime,
                "revoke_reason" varchar(40),
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_50ccaa6440288a06f0ba693ccc" ON "auth_sessions" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "session_id" integer NOT NULL,
                "token_hash" varchar(64) NOT NULL,
                "expires_at" datetime NOT NULL,
                "used_at" datetime,
                "created_at" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3bf308fa93da3966f9e76fcfba" ON "refresh_tokens" ("session_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_a7838d2ba25be1342091b6695f" ON "refresh_tokens" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "hall_managers" (
                "hall_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                PRIMARY KEY ("hall_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a146f92d8ac56f9a2374a0cf23" ON "hall_managers" ("user_id")
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
            CREATE INDEX "IDX_ee7fc49c5b575e3848c0d59726" ON "halls" ("village_code")
        `);
        await queryRunner.query(`
            CREATE TABLE "provider_areas" (
                "provider_id" integer NOT NULL,
                "region_code" varchar(12) NOT NULL,
                PRIMARY KEY ("provider_id", "region_code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_391cfe03fedd94e4538817d25b" ON "provider_areas" ("region_code")
        `);
        await queryRunner.query(`
            CREATE TABLE "provider_members" (
                "provider_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                PRIMARY KEY ("provider_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_e9185c2745f3d7dab5e4b2c80d" ON "provider_members" ("user_id")
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
            CREATE TABLE "regions" (
                "code" varchar(12) PRIMARY KEY NOT NULL,
                "name" varchar(60) NOT NULL,
                "level" varchar(10) NOT NULL,
                "parent_code" varchar(12),
                "full_name" varchar(200) NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_7241ca7859f4288fb12567dd95" ON "regions" ("parent_code")
        `);
        await queryRunner.query(`
            CREATE TABLE "user_roles" (
                "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
                "user_id" integer NOT NULL,
                "role" varchar(16) NOT NULL,
                "region_code" varchar(12)
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_09d115a69b6014d324d592f9c4" ON "user_roles" ("user_id", "role")
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
            CREATE UNIQUE INDEX "IDX_774536da6f91366dba812efcd9" ON "users" ("wechat_openid")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5f72afa84e7dc6580d57f4b847" ON "users" ("demo_key")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "IDX_5f72afa84e7dc6580d57f4b847"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_774536da6f91366dba812efcd9"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_09d115a69b6014d324d592f9c4"
        `);
        await queryRunner.query(`
            DROP TABLE "user_roles"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_7241ca7859f4288fb12567dd95"
        `);
        await queryRunner.query(`
            DROP TABLE "regions"
        `);
        await queryRunner.query(`
            DROP TABLE "providers"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_e9185c2745f3d7dab5e4b2c80d"
        `);
        await queryRunner.query(`
            DROP TABLE "provider_members"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_391cfe03fedd94e4538817d25b"
        `);
        await queryRunner.query(`
            DROP TABLE "provider_areas"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_ee7fc49c5b575e3848c0d59726"
        `);
        await queryRunner.query(`
            DROP TABLE "halls"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_a146f92d8ac56f9a2374a0cf23"
        `);
        await queryRunner.query(`
            DROP TABLE "hall_managers"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_a7838d2ba25be1342091b6695f"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_3bf308fa93da3966f9e76fcfba"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_50ccaa6440288a06f0ba693ccc"
        `);
        await queryRunner.query(`
            DROP TABLE "auth_sessions"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_0e42c1f2ea25309e15c1a3cf63"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_df0e66acc150a1becb11660e78"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_4e869fc44d37f463dd51aebd76"
        `);
        await queryRunner.query(`
            DROP TABLE "transition_history"
        `);
    }

}
