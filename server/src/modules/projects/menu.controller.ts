import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { menuQuerySchema, type MenuQuery } from '@hall-menu/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { sendablePage } from './menu-fast-path';
import { MenuService } from './menu.service';

@ApiTags('menu')
@Public()
@Controller('menu')
export class MenuController {
  constructor(private readonly menu: MenuService) {}

  /**
   * The most read answer of the platform: sent as the cached page's own bytes with their ETag (see MenuCacheService);
   * a repeat of the same URL is answered by the fast path (menu-fast-path.ts) without coming here.
   */
  @Get()
  @ApiOkResponse({ description: 'Paged<MenuItemDto>: one page of published projects' })
  async list(
    @Query(new ZodPipe(menuQuerySchema)) query: MenuQuery,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return sendablePage(reply, await this.menu.list(query, request.url), acceptEncoding);
  }
}
