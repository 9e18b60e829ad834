import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Security headers for the API and the H5 build. The H5 page has one inline script (Taro's rem setup); its hash is
 * allowed instead of 'unsafe-inline'. Styles are inline all over Taro's output, so style-src keeps 'unsafe-inline'.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, h5Dir: string): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(path.join(h5Dir, 'index.html'))],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // blob: because Taro's H5 upload reads the picked photo back from its blob: URL.
        connectSrc: ["'self'", 'ws:', 'wss:', 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    // Uploaded photos are shown by the weapp and by other origins' H5 builds.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // Swagger UI and the H5 page load nothing cross-origin that would need COEP.
    crossOriginEmbedderPolicy: false,
  });
}

/** CORS only for the origins named in CORS_ORIGINS (an H5 build served elsewhere); same-origin needs none. */
export async function registerCors(app: NestFastifyApplication, origins: string[]): Promise<void> {
  if (!origins.length) return;
  await app.register(fastifyCors, {
    origin: origins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposedHeaders: ['Retry-After', 'Content-Disposition', 'ETag'],
    maxAge: 600,
  });
}

function inlineScriptHashes(indexHtml: string): string[] {
  if (!fs.existsSync(indexHtml)) return [];
  const html = fs.readFileSync(indexHtml, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .filter((m) => m[1].length > 0)
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
