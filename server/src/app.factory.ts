import 'reflect-metadata';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppModule } from './app.module';
import { ErrorFilter } from './common/errors/error.filter';
import { registerEtags } from './common/http/etag';
import { HitStore, MemoryHitStore, RedisHitStore, platformRules, registerRateLimits } from './common/http/rate-limit';
import { registerCors, registerSecurityHeaders } from './common/http/security';
import { RedisConnections } from './common/redis/redis-connections';
import { loadConfig } from './config/app-config';
import { MenuCacheService } from './modules/projects/menu-cache.service';
import { registerMenuFastPath } from './modules/projects/menu-fast-path';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the whole HTTP application; `main.ts` listens, tests use it as it is. */
export async function createApp(options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const config = loadConfig();
  const logger =
    options.logger === false
      ? false
      : new ConsoleLogger({ json: true, logLevels: LEVELS.slice(0, LEVELS.indexOf(config.logLevel === 'log' ? 'log' : config.logLevel) + 1) });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({ trustProxy: true, bodyLimit: 1_048_576 }),
    { logger },
  );
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ErrorFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('礼堂点单 hall-menu API')
      .setDescription('文化礼堂服务项目供需对接平台: providers declare, officials review, halls order, villagers reserve and rate.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  await registerSecurityHeaders(app, config.h5Dir);
  await registerCors(app, config.corsOrigins);
  const fastify = app.getHttpAdapter().getInstance();
  registerRateLimits(fastify, platformRules(config.rateLimits), hitStore(app.get(RedisConnections)));
  registerEtags(fastify);
  registerMenuFastPath(fastify, app.get(MenuCacheService));
  // Routes set their own file limits (photos, import files); these are the ceilings for any multipart body.
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1_048_576, files: 1, fields: 20, parts: 21 } });
  fs.mkdirSync(config.uploads.dir, { recursive: true });
  await app.register(fastifyStatic, { root: config.uploads.dir, prefix: '/uploads/', decorateReply: false, maxAge: '30d', immutable: true });
  // The H5 build of the mini-program, when it has been built, is served from the same origin.
  if (fs.existsSync(path.join(config.h5Dir, 'index.html'))) {
    await app.register(fastifyStatic, { root: config.h5Dir, prefix: '/', wildcard: false, decorateReply: false });
  }
  return app;
}

/** With several instances the counts must be shared, or each instance would allow the limit again. */
function hitStore(redis: RedisConnections): HitStore {
  return redis.configured ? new RedisHitStore(redis) : new MemoryHitStore();
}
