import type { FastifyInstance, FastifyReply } from 'fastify';
import type { MenuCacheService, SerializedPage } from './menu-cache.service';

export const MENU_ROUTE = '/api/menu';

/**
 * Cached menu pages answered before the framework's routing pipeline (guards, pipes, interceptors): the menu is
 * public and the same for everyone, and only a URL the controller once validated and answered is known here, so a
 * hit skips nothing that could change the answer. The platform's own hooks (rate limits, security headers, ETag/304)
 * still run, as for any request. A miss goes on to the controller.
 */
export function registerMenuFastPath(fastify: FastifyInstance, cache: MenuCacheService): void {
  fastify.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || request.routeOptions.url !== MENU_ROUTE) return;
    const page = cache.getByUrl(request.url);
    if (!page) return;
    return reply.send(sendablePage(reply, page, request.headers['accept-encoding']));
  });
}

/** Sets the headers of a menu answer and picks its bytes: gzipped when the client takes gzip, as browsers and WeChat do. */
export function sendablePage(reply: FastifyReply, page: SerializedPage, acceptEncoding: string | undefined): string | Buffer {
  void reply.type('application/json; charset=utf-8').header('ETag', page.etag).header('Vary', 'Accept-Encoding');
  if (!acceptsGzip(acceptEncoding)) return page.json;
  void reply.header('Content-Encoding', 'gzip');
  return page.gzipped;
}

/** gzip (or *) listed and not refused with q=0. */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}
