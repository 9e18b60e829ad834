import { Module } from '@nestjs/common';
import { SensitiveWordsModule } from './common/sensitive-words/sensitive-words.module';
import { TransitionsModule } from './common/transitions/transitions.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuthModule } from './modules/auth/auth.module';
import { HallsModule } from './modules/halls/halls.module';
import { NeedsModule } from './modules/needs/needs.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrdersModule } from './modules/orders/orders.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { ProvidersModule } from './modules/providers/providers.module';
import { ReservationsModule } from './modules/reservations/reservations.module';
import { RatingsModule } from './modules/ratings/ratings.module';
import { RegionsModule } from './modules/regions/regions.module';
import { StatsModule } from './modules/stats/stats.module';
import { SystemModule } from './modules/system/system.module';
import { UploadsModule } from './modules/uploads/uploads.module';
import { UsersModule } from './modules/users/users.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    TransitionsModule,
    SensitiveWordsModule,
    UsersModule,
    NotificationsModule,
    AuthModule,
    RegionsModule,
    HallsModule,
    ProvidersModule,
    ProjectsModule,
    OrdersModule,
    ReservationsModule,
    NeedsModule,
    RatingsModule,
    StatsModule,
    UploadsModule,
    SystemModule,
  ],
})
export class AppModule {}
