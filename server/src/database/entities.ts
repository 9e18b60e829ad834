import { TransitionHistory } from '../common/transitions/transition-history.entity';
import { Invite } from '../modules/accounts/invite.entity';
import { AdminChange } from '../modules/audit/admin-change.entity';
import { HallImportRow } from '../modules/hall-import/hall-import-row.entity';
import { HallImport } from '../modules/hall-import/hall-import.entity';
import { RuleChange } from '../modules/rules/rule-change.entity';
import { Rule } from '../modules/rules/rule.entity';
import { ConversationRead } from '../modules/conversations/conversation-read.entity';
import { Conversation } from '../modules/conversations/conversation.entity';
import { Message } from '../modules/conversations/message.entity';
import { SentReminder } from '../modules/reminders/sent-reminder.entity';
import { SubscribeConsentGrant } from '../modules/subscriptions/subscribe-consent-grant.entity';
import { SubscribeConsent } from '../modules/subscriptions/subscribe-consent.entity';
import { SubscribeMessageLog } from '../modules/subscriptions/subscribe-message-log.entity';
import { AuthSession } from '../modules/auth/auth-session.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { HallManager } from '../modules/halls/hall-manager.entity';
import { Hall } from '../modules/halls/hall.entity';
import { NeedResponse } from '../modules/needs/need-response.entity';
import { NeedUpvote } from '../modules/needs/need-upvote.entity';
import { Need } from '../modules/needs/need.entity';
import { HallEvent } from '../modules/orders/hall-event.entity';
import { Order } from '../modules/orders/order.entity';
import { ProjectArea } from '../modules/projects/project-area.entity';
import { ProjectBlackout } from '../modules/projects/project-blackout.entity';
import { ProjectRevision } from '../modules/projects/project-revision.entity';
import { ServiceProject } from '../modules/projects/service-project.entity';
import { ProviderArea } from '../modules/providers/provider-area.entity';
import { ProviderMember } from '../modules/providers/provider-member.entity';
import { Provider } from '../modules/providers/provider.entity';
import { HallFollow } from '../modules/reservations/hall-follow.entity';
import { Reservation } from '../modules/reservations/reservation.entity';
import { EventRating } from '../modules/ratings/event-rating.entity';
import { OrderRating } from '../modules/ratings/order-rating.entity';
import { RatingScore } from '../modules/ratings/rating-score.entity';
import { Commendation } from '../modules/rankings/commendation.entity';
import { GalaNomination } from '../modules/nominations/gala-nomination.entity';
import { StatsAnswerTime, StatsCategoryMonth, StatsOrderState, StatsRefresh, StatsSnapshot } from '../modules/stats/stats-rollup.entities';
import { Notification } from '../modules/notifications/notification.entity';
import { Region } from '../modules/regions/region.entity';
import { UserRole } from '../modules/users/user-role.entity';
import { User } from '../modules/users/user.entity';

/** Every entity, listed once, for the app, the migration CLI and the tests. */
export const ENTITIES = [
  Region,
  Hall,
  HallManager,
  Provider,
  ProviderMember,
  ProviderArea,
  ServiceProject,
  ProjectArea,
  ProjectBlackout,
  ProjectRevision,
  Order,
  HallEvent,
  Reservation,
  HallFollow,
  Need,
  NeedUpvote,
  NeedResponse,
  EventRating,
  OrderRating,
  RatingScore,
  Commendation,
  GalaNomination,
  StatsOrderState,
  StatsCategoryMonth,
  StatsAnswerTime,
  StatsSnapshot,
  StatsRefresh,
  Notification,
  User,
  UserRole,
  AuthSession,
  RefreshToken,
  TransitionHistory,
  AdminChange,
  Rule,
  RuleChange,
  Invite,
  HallImport,
  HallImportRow,
  Conversation,
  Message,
  ConversationRead,
  SubscribeConsent,
  SubscribeConsentGrant,
  SubscribeMessageLog,
  SentReminder,
];
