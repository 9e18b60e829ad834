import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';

/**
 * ETag on every JSON answer to a GET: a client that already holds the same menu page (the H5 build's HTTP cache, or
 * a weapp that sends If-None-Match) gets an empty 304 instead of the page again — on a weak rural link that is most
 * of the wait. `no-cache` means "ask each time", never "serve stale".
 */
export function registerEtags(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode !== 200 || !request.url.startsWith('/api/')) return payload;
    // A route that serves prepared bytes (the menu cache, possibly gzipped) brings their tag along; JSON text is
    // hashed here; anything else (files) goes without.
    let tag = reply.getHeader('ETag') as string | undefined;
    if (!tag) {
      if (typeof payload !== 'string') return payload;
      tag = etagOf(payload);
      void reply.header('ETag', tag);
    }
    if (!reply.hasHeader('Cache-Control')) void reply.header('Cache-Control', 'private, no-cache');
    const asked = request.headers['if-none-match'];
    if (asked && asked.split(',').some((candidate) => candidate.trim() === tag)) {
      void reply.code(304).removeHeader('Content-Encoding');
      return '';
    }
    return payload;
  });
}

/** A weak validator of the bytes sent: equal bytes, equal tag, on every instance. */
export function etagOf(payload: string): string {
  return `W/"${createHash('sha1').update(payload).digest('base64url')}"`;
}
