import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  idParamSchema,
  myProjectsQuerySchema,
  PROJECT_EVENTS,
  projectActionSchema,
  projectContentSchema,
  REVISION_EVENTS,
  type HistoryEntryDto,
  type MyProjectsQuery,
  type Paged,
  type ProjectActionInput,
  type ProjectContent,
  type ProjectDetailDto,
  type ProjectDto,
  type ProjectEvent,
  type RevisionEvent,
} from '@hall-menu/shared';
import { z } from 'zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, OptionalUser, Public, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { ProjectsService } from './projects.service';

const projectEventSchema = z.enum(PROJECT_EVENTS, { errorMap: () => ({ message: '没有这个操作' }) });
const revisionEventSchema = z.enum(REVISION_EVENTS, { errorMap: () => ({ message: '没有这个操作' }) });

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @ApiBearerAuth()
  @Roles('provider')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body(new ZodPipe(projectContentSchema)) body: ProjectContent): Promise<ProjectDto> {
    return this.projects.create(user, body);
  }

  @ApiBearerAuth()
  @Roles('provider')
  @Get('mine')
  mine(@CurrentUser() user: AuthUser, @Query(new ZodPipe(myProjectsQuerySchema)) query: MyProjectsQuery): Promise<Paged<ProjectDto>> {
    return this.projects.mine(user, query);
  }

  @Public()
  @Get(':id')
  get(@OptionalUser() user: AuthUser | null, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<ProjectDetailDto> {
    return this.projects.get(user, id);
  }

  @ApiBearerAuth()
  @Roles('provider')
  @Put(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Body(new ZodPipe(projectContentSchema)) body: ProjectContent,
  ): Promise<ProjectDto> {
    return this.projects.update(user, id, body);
  }

  @ApiBearerAuth()
  @Get(':id/history')
  history(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<HistoryEntryDto[]> {
    return this.projects.history(user, id);
  }

  /** submit, resubmit, withdraw, archive (provider); approve, reject, suspend (reviewer). */
  @ApiBearerAuth()
  @Post(':id/actions/:event')
  @HttpCode(200)
  act(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Param('event', new ZodPipe(projectEventSchema)) event: ProjectEvent,
    @Body(new ZodPipe(projectActionSchema)) body: ProjectActionInput,
  ): Promise<ProjectDto> {
    return this.projects.act(user, id, event, body.reason);
  }

  /** approve, reject (reviewer) or withdraw (provider) an edit of a published project. */
  @ApiBearerAuth()
  @Post(':id/revisions/:revisionId/:event')
  @HttpCode(200)
  decideRevision(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Param('revisionId', new ZodPipe(idParamSchema)) revisionId: number,
    @Param('event', new ZodPipe(revisionEventSchema)) event: RevisionEvent,
    @Body(new ZodPipe(projectActionSchema)) body: ProjectActionInput,
  ): Promise<ProjectDto> {
    return this.projects.decideRevision(user, id, revisionId, event, body.reason);
  }
}
