import { Module } from '@nestjs/common';
import { ClusterModule } from './common/cluster/cluster.module';
import { SensitiveWordsModule } from './common/sensitive-words/sensitive-words.module';
import { TransitionsModule } from './common/transitions/transitions.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { HallImportModule } from './modules/hall-import/hall-import.module';
import { RulesModule } from './modules/rules/rules.module';
import { ConversationsModule } from './modules/conversations/conversations.module';
import { HallsModule } from './modules/halls/halls.module';
import { NeedsModule } from './modules/needs/needs.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrdersModule } from './modules/orders/orders.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { ProvidersModule } from './modules/providers/providers.module';
import { ReservationsModule } from './modules/reservations/reservations.module';
import { RatingsModule } from './modules/ratings/ratings.module';
import { RegionsModule } from './modules/regions/regions.module';
import { RemindersModule } from './modules/reminders/reminders.module';
import { StatsModule } from './modules/stats/stats.module';
import { RankingsModule } from './modules/rankings/rankings.module';
import { NominationsModule } from './modules/nominations/nominations.module';
import { SubscriptionsModule } from './modules/subscriptions/subscriptions.module';
import { SystemModule } from './modules/system/system.module';
import { UploadsModule } from './modules/uploads/uploads.module';
import { UsersModule } from './modules/users/users.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    TransitionsModule,
    SensitiveWordsModule,
    ClusterModule,
    UsersModule,
    AuditModule,
    RulesModule,
    NotificationsModule,
    AuthModule,
    RegionsModule,
    HallsModule,
    HallImportModule,
    AccountsModule,
    ProvidersModule,
    ProjectsModule,
    OrdersModule,
    ReservationsModule,
    NeedsModule,
    RatingsModule,
    ConversationsModule,
    SubscriptionsModule,
    RemindersModule,
    StatsModule,
    RankingsModule,
    NominationsModule,
    UploadsModule,
    SystemModule,
  ],
})
export class AppModule {}
