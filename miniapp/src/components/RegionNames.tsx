import { useEffect } from 'react';
import { Text } from '@tarojs/components';
import { useRegionStore } from '../stores/regions';

/** Region codes as names ("瑞安市、平阳县"), looked up once per code and cached for the whole app. */
export function RegionNames({ codes, empty = '未填写' }: { codes: string[]; empty?: string }) {
  const byCode = useRegionStore((state) => state.byCode);
  const failed = useRegionStore((state) => state.failed);
  const key = codes.join(',');

  useEffect(() => {
    void useRegionStore.getState().resolve(codes);
  }, [key]);

  if (codes.length === 0) return <Text>{empty}</Text>;
  const names = codes.map((code) => byCode[code]?.name ?? (failed[code] ? `地区${code}` : '…'));
  return <Text>{names.join('、')}</Text>;
}
