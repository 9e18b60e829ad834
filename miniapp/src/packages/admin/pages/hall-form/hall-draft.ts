import { hallInputSchema, type AdminHallDto, type HallFacility, type HallInput } from '@hall-menu/shared';
import { errorsFromZod, type FieldErrors } from '../../../../utils/form-errors';

/** What the form holds: numbers as typed, so a half-typed value is not lost. */
export interface HallDraft {
  name: string;
  villageCode: string;
  address: string;
  latitude: string;
  longitude: string;
  seats: string;
  facilities: HallFacility[];
  starLevel: number;
  annualQuota: string;
}

export const emptyHallDraft = (): HallDraft => ({ name: '', villageCode: '', address: '', latitude: '', longitude: '', seats: '', facilities: [], starLevel: 3, annualQuota: '12' });

export const draftFromHall = (hall: AdminHallDto): HallDraft => ({
  name: hall.name,
  villageCode: hall.villageCode,
  address: hall.address,
  latitude: hall.latitude === null ? '' : String(hall.latitude),
  longitude: hall.longitude === null ? '' : String(hall.longitude),
  seats: String(hall.seats),
  facilities: hall.facilities,
  starLevel: hall.starLevel,
  annualQuota: String(hall.annualQuota),
});

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));
const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The shared schema's check, with the coordinate and whole-number messages it leaves to the form said in Chinese. */
export function validateHallDraft(draft: HallDraft): { ok: true; input: HallInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const latitude = numberOrNull(draft.latitude);
  const longitude = numberOrNull(draft.longitude);
  if (latitude !== null && !(latitude >= -90 && latitude <= 90)) errors.latitude = '纬度应为 -90 到 90 之间的数字，例如 27.78';
  if (longitude !== null && !(longitude >= -180 && longitude <= 180)) errors.longitude = '经度应为 -180 到 180 之间的数字，例如 120.65';
  if ((latitude === null) !== (longitude === null)) errors[latitude === null ? 'latitude' : 'longitude'] ??= '纬度和经度要一起填写';
  const quota = numberOrUndefined(draft.annualQuota);
  if (quota === undefined) errors.annualQuota = '请填写年度点单额度';
  else if (Number.isFinite(quota) && !Number.isInteger(quota)) errors.annualQuota = '年度点单额度必须是整数';
  const checked = hallInputSchema.safeParse({
    name: draft.name,
    villageCode: draft.villageCode || undefined,
    address: draft.address,
    latitude,
    longitude,
    seats: numberOrUndefined(draft.seats),
    facilities: draft.facilities,
    starLevel: draft.starLevel,
    annualQuota: quota,
  });
  const all = checked.success ? errors : { ...errorsFromZod(checked.error), ...errors };
  if (Object.keys(all).length > 0 || !checked.success) return { ok: false, errors: all };
  return { ok: true, input: checked.data };
}
