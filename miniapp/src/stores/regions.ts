import { create } from 'zustand';
import type { RegionDto } from '@hall-menu/shared';
import { getRegion, listRegions } from '../api/regions';

/** The city the platform serves; its counties are what providers pick as service areas. */
export const HOME_CITY_CODE = '3303';

interface RegionState {
  /** Every region seen so far, by code. Region names do not change while the app runs. */
  byCode: Record<string, RegionDto>;
  /** Codes that could not be looked up (shown as the bare code rather than waiting forever). */
  failed: Record<string, true>;
  /** Fetches the codes not known yet, one `GET /regions/:code` each, shared by every caller. */
  resolve: (codes: string[]) => Promise<void>;
  /** The counties of the home city, fetched once. */
  loadCounties: () => Promise<RegionDto[]>;
}

const inFlight = new Map<string, Promise<void>>();
let countiesLoading: Promise<RegionDto[]> | null = null;
let counties: RegionDto[] | null = null;

export const useRegionStore = create<RegionState>()((set, get) => {
  const remember = (regions: RegionDto[]) => set((state) => ({ byCode: { ...state.byCode, ...Object.fromEntries(regions.map((r) => [r.code, r])) } }));

  const fetchOne = (code: string): Promise<void> => {
    let loading = inFlight.get(code);
    if (!loading) {
      loading = getRegion(code)
        .then(
          (region) => remember([region]),
          () => set((state) => ({ failed: { ...state.failed, [code]: true } })),
        )
        .finally(() => inFlight.delete(code));
      inFlight.set(code, loading);
    }
    return loading;
  };

  return {
    byCode: {},
    failed: {},
    resolve: async (codes) => {
      const { byCode } = get();
      await Promise.all([...new Set(codes)].filter((code) => !byCode[code]).map(fetchOne));
    },
    loadCounties: () => {
      if (counties) return Promise.resolve(counties);
      countiesLoading ??= listRegions({ parent: HOME_CITY_CODE })
        .then((list) => {
          counties = list;
          remember(list);
          return list;
        })
        .finally(() => {
          countiesLoading = null;
        });
      return countiesLoading;
    },
  };
});

/** Forgets everything (tests start each case from an empty cache). */
export function resetRegionCache(): void {
  inFlight.clear();
  counties = null;
  countiesLoading = null;
  useRegionStore.setState({ byCode: {}, failed: {} });
}
