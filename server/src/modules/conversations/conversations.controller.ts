import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  idParamSchema,
  markReadSchema,
  messageQuerySchema,
  openConversationSchema,
  pageQuerySchema,
  sendMessageSchema,
  type ConversationDto,
  type MarkReadInput,
  type MarkReadResultDto,
  type MessageDto,
  type MessagePageDto,
  type MessageQuery,
  type OpenConversationInput,
  type PageQuery,
  type Paged,
  type SendMessageInput,
  type UnreadCountsDto,
} from '@hall-menu/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { ConversationsService } from './conversations.service';

/** Chat over HTTP: every write goes here; the socket at /ws only pushes. */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query(new ZodPipe(pageQuerySchema)) query: PageQuery): Promise<Paged<ConversationDto>> {
    return this.conversations.list(user, query);
  }

  /** The 消息 tab badge: unread chat messages and unread inbox notifications. */
  @Get('unread')
  unread(@CurrentUser() user: AuthUser): Promise<UnreadCountsDto> {
    return this.conversations.unreadCounts(user);
  }

  /** The conversation of an order or a need response (started on first use), for its members. */
  @Post('open')
  @HttpCode(200)
  open(@CurrentUser() user: AuthUser, @Body(new ZodPipe(openConversationSchema)) body: OpenConversationInput): Promise<ConversationDto> {
    return this.conversations.open(user, body);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<ConversationDto> {
    return this.conversations.get(user, id);
  }

  @Get(':id/messages')
  messages(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Query(new ZodPipe(messageQuerySchema)) query: MessageQuery,
  ): Promise<MessagePageDto> {
    return this.conversations.messages(user, id, query);
  }

  /** Send the same `clientMessageId` when retrying: the stored message comes back instead of a second one. */
  @Post(':id/messages')
  send(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Body(new ZodPipe(sendMessageSchema)) body: SendMessageInput,
  ): Promise<MessageDto> {
    return this.conversations.send(user, id, body);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Body(new ZodPipe(markReadSchema)) body: MarkReadInput,
  ): Promise<MarkReadResultDto> {
    return this.conversations.markRead(user, id, body.upToId);
  }
}
