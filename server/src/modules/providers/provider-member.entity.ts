import { Entity, Index, PrimaryColumn } from 'typeorm';

/** Users who act for a provider organisation (scope of the provider role). */
@Entity('provider_members')
export class ProviderMember {
  @PrimaryColumn({ name: 'provider_id', type: 'int' })
  providerId: number;

  @Index()
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;
}
