import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  accountDisableSchema,
  adminUserQuerySchema,
  idParamSchema,
  roleGrantSchema,
  roleParamSchema,
  roleRevokeQuerySchema,
  type AccountDisableInput,
  type AdminUserDto,
  type AdminUserQuery,
  type Paged,
  type RoleGrantInput,
  type RoleRevokeQuery,
  type UserRole,
} from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { AccountsService } from './accounts.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin', 'reviewer')
@Controller('admin/users')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** Search by nickname, phone or id; reviewers see the accounts tied to their region. */
  @Get()
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(adminUserQuerySchema)) query: AdminUserQuery): Promise<Paged<AdminUserDto>> {
    return this.accounts.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<AdminUserDto> {
    return this.accounts.get(user, id);
  }

  @Post(':id/roles')
  @HttpCode(200)
  grant(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Body(new ZodPipe(roleGrantSchema)) body: RoleGrantInput,
  ): Promise<AdminUserDto> {
    return this.accounts.grant(user, id, body);
  }

  /** `?hallId=` removes one hall from a hall manager; without it the whole role goes. */
  @Delete(':id/roles/:role')
  revoke(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Param('role', new ZodPipe(roleParamSchema)) role: UserRole,
    @Query(new ZodPipe(roleRevokeQuerySchema)) query: RoleRevokeQuery,
  ): Promise<AdminUserDto> {
    return this.accounts.revoke(user, id, role, query);
  }

  @Post(':id/disable')
  @HttpCode(200)
  disable(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Body(new ZodPipe(accountDisableSchema)) body: AccountDisableInput,
  ): Promise<AdminUserDto> {
    return this.accounts.disable(user, id, body.reason);
  }

  @Post(':id/enable')
  @HttpCode(200)
  enable(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<AdminUserDto> {
    return this.accounts.enable(user, id);
  }
}
