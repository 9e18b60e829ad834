import { Body, Controller, Get, Headers, Param, Post, Query, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  createOrderSchema,
  idParamSchema,
  ORDER_EVENTS,
  orderListQuerySchema,
  type CreateOrderInput,
  type HistoryEntryDto,
  type OrderDto,
  type OrderEvent,
  type OrderListQuery,
  type Paged,
} from '@hall-menu/shared';
import { z } from 'zod';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { OrdersService } from './orders.service';
import { TransitionService } from '../../common/transitions/transition.service';

const orderEventSchema = z.enum(ORDER_EVENTS, { errorMap: () => ({ message: '没有这个操作' }) });

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly transitions: TransitionService,
  ) {}

  /** Places an order. Send a fresh `Idempotency-Key` per order and the same one on retries. */
  @Roles('hall_manager')
  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '8–64 letters, digits, - or _; the same key returns the same order' })
  create(
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body(new ZodPipe(createOrderSchema)) body: CreateOrderInput,
  ): Promise<OrderDto> {
    return this.orders.create(user, body, idempotencyKey);
  }

  @Roles('hall_manager')
  @Get('hall')
  forManager(@CurrentUser() user: AuthUser, @Query(new ZodPipe(orderListQuerySchema)) query: OrderListQuery): Promise<Paged<OrderDto>> {
    return this.orders.forManager(user, query);
  }

  @Roles('provider')
  @Get('provider')
  forProvider(@CurrentUser() user: AuthUser, @Query(new ZodPipe(orderListQuerySchema)) query: OrderListQuery): Promise<Paged<OrderDto>> {
    return this.orders.forProvider(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<OrderDto> {
    return this.orders.get(user, id);
  }

  /** Every transition with who, when and why; readable by both sides and the region's reviewers. */
  @Get(':id/timeline')
  async timelineOf(@CurrentUser() user: AuthUser, @Param('id', new ZodPipe(idParamSchema)) id: number): Promise<HistoryEntryDto[]> {
    await this.orders.get(user, id);
    return this.transitions.timeline([{ entityType: 'order', ids: [id] }]);
  }

  /** accept/propose {start, end, note?}; complete {headCount, photos, note}; the others {reason?}. */
  @Post(':id/actions/:event')
  @HttpCode(200)
  act(
    @CurrentUser() user: AuthUser,
    @Param('id', new ZodPipe(idParamSchema)) id: number,
    @Param('event', new ZodPipe(orderEventSchema)) event: OrderEvent,
    @Body() body: unknown,
  ): Promise<OrderDto> {
    return this.orders.act(user, id, event, body);
  }
}
