import { Injectable } from '@nestjs/common';
import type { EventRatingDto } from '@hall-menu/shared';
import { In } from 'typeorm';
import { DatabaseService } from '../../database/database.service';
import { RulesService } from '../rules/rules.service';
import { User } from '../users/user.entity';
import { EventRating } from './event-rating.entity';

const DAY_MS = 86_400_000;
const iso = (d: Date) => new Date(d).toISOString();

/** Villagers' event ratings as the API shows them: in the ratings list, and as "my rating" on the event detail. */
@Injectable()
export class EventRatingViewsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly rules: RulesService,
  ) {}

  /** The person's own rating of an event, hidden or not, or null. */
  async mine(userId: number, eventId: number): Promise<EventRatingDto | null> {
    const rating = await this.db.manager.findOne(EventRating, { where: { eventId, userId } });
    return rating ? (await this.toDtos([rating]))[0] : null;
  }

  async toDtos(ratings: EventRating[]): Promise<EventRatingDto[]> {
    if (ratings.length === 0) return [];
    const editMs = (await this.rules.get('ratingEditWindowDays')) * DAY_MS;
    const users = new Map((await this.db.manager.find(User, { where: { id: In([...new Set(ratings.map((r) => r.userId))]) } })).map((u) => [u.id, u]));
    return ratings.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      stars: r.stars,
      text: r.text,
      photo: r.photo,
      // Villagers are shown by surname only.
      authorName: `${(users.get(r.userId)?.nickname ?? '村民').slice(0, 1)}**`,
      createdAt: iso(r.createdAt),
      editableUntil: iso(new Date(new Date(r.createdAt).getTime() + editMs)),
      hidden: r.hidden,
    }));
  }
}
