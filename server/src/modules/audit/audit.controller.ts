import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { auditQuerySchema, type AuditPage, type AuditQuery } from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { AuditService } from './audit.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin', 'reviewer')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Transition history and admin changes, newest first, by object, person and Beijing-day period; cursor paging. */
  @Get()
  search(@CurrentUser() user: AuthUser, @Query(new ZodPipe(auditQuerySchema)) query: AuditQuery): Promise<AuditPage> {
    return this.audit.search(user, query);
  }
}
