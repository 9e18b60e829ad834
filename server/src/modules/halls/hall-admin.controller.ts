import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  adminHallQuerySchema,
  hallBlackoutsSchema,
  hallCloseSchema,
  hallManagerSchema,
  hallQuotaSchema,
  idParamSchema,
  type AdminHallDto,
  type AdminHallQuery,
  type HallBlackoutsInput,
  type HallCloseInput,
  type HallManagerInput,
  type HallQuotaInput,
  type Paged,
} from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { HallAdminService } from './hall-admin.service';

/** Hall administration for admins (city-wide) and reviewers (their region). Create/edit stay at `POST/PUT /halls`. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin', 'reviewer')
@Controller('admin/halls')
export class HallAdminController {
  constructor(private readonly halls: HallAdminService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(adminHallQuerySchema)) query: AdminHallQuery): Promise<Paged<AdminHallDto>> {
    return this.halls.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<AdminHallDto> {
    return this.halls.get(user, id);
  }

  @Put(':id/quota')
  setQuota(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Body(new ZodPipe(hallQuotaSchema)) body: HallQuotaInput,
  ): Promise<AdminHallDto> {
    return this.halls.setQuota(user, id, body);
  }

  @Put(':id/blackouts')
  setBlackouts(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Body(new ZodPipe(hallBlackoutsSchema)) body: HallBlackoutsInput,
  ): Promise<AdminHallDto> {
    return this.halls.setBlackouts(user, id, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  close(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Body(new ZodPipe(hallCloseSchema)) body: HallCloseInput,
  ): Promise<AdminHallDto> {
    return this.halls.close(user, id, body.reason);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  reopen(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<AdminHallDto> {
    return this.halls.reopen(user, id);
  }

  @Post(':id/managers')
  @HttpCode(200)
  addManager(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Body(new ZodPipe(hallManagerSchema)) body: HallManagerInput,
  ): Promise<AdminHallDto> {
    return this.halls.addManager(user, id, body.userId);
  }

  @Delete(':id/managers/:userId')
  removeManager(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Param('userId', new ZodPipe(idParamSchema)) userId: number,
  ): Promise<AdminHallDto> {
    return this.halls.removeManager(user, id, userId);
  }
}
