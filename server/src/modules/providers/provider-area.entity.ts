import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A region a provider will travel to; a county or township code covers every village below it. */
@Entity('provider_areas')
export class ProviderArea {
  @PrimaryColumn({ name: 'provider_id', type: 'int' })
  providerId: number;

  @Index()
  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode: string;
}
