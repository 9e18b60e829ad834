import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  idParamSchema,
  inviteCreateSchema,
  inviteQuerySchema,
  inviteRedeemSchema,
  type InviteCreateInput,
  type InviteDto,
  type InviteQuery,
  type InviteRedeemInput,
  type MeResponse,
  type Paged,
} from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { InvitesService } from './invites.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller()
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Roles('admin', 'reviewer')
  @Post('admin/invites')
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(inviteCreateSchema)) body: InviteCreateInput): Promise<InviteDto> {
    return this.invites.create(user, body);
  }

  @Roles('admin', 'reviewer')
  @Get('admin/invites')
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(inviteQuerySchema)) query: InviteQuery): Promise<Paged<InviteDto>> {
    return this.invites.list(user, query);
  }

  @Roles('admin', 'reviewer')
  @Post('admin/invites/:id/revoke')
  @HttpCode(200)
  revoke(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<InviteDto> {
    return this.invites.revoke(user, id);
  }

  /** Any signed-in person enters a code they were given; the answer is their updated roles and scopes. */
  @Post('me/invites/redeem')
  @HttpCode(200)
  redeem(@CurrentUser() user: AuthUser, @Body(new ZodPipe(inviteRedeemSchema)) body: InviteRedeemInput): Promise<MeResponse> {
    return this.invites.redeem(user, body.code);
  }
}
