import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { idParamSchema, pageQuerySchema, type InboxDto, type PageQuery } from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  inbox(@CurrentUser() user: AuthUser, @Query(new ZodPipe(pageQuerySchema)) query: PageQuery): Promise<InboxDto> {
    return this.notifications.inbox(user, query);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentUser() user: AuthUser): Promise<{ unread: number }> {
    return this.notifications.markRead(user, 'all');
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<{ unread: number }> {
    return this.notifications.markRead(user, id);
  }
}
