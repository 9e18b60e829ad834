import { Picker, View } from '@tarojs/components';
import type { RegionDto } from '@hall-menu/shared';
import { listRegions } from '../../../api/regions';
import { useAsync } from '../../../hooks/use-async';

/** Code lengths of the levels: province, city, county, township, village. */
const LEVEL_LENGTHS = [2, 4, 6, 9, 12];
const CHILD_LEVEL_NAMES: Record<number, string> = { 2: '城市', 4: '县（市、区）', 6: '乡镇（街道）', 9: '村（社区）' };

/** Children of a region, fetched once per page visit and shared by every picker. */
const childrenCache = new Map<string, Promise<RegionDto[]>>();
function childrenOf(parent: string): Promise<RegionDto[]> {
  let loading = childrenCache.get(parent);
  if (!loading) {
    loading = listRegions({ parent });
    // A failure is not remembered: the next try asks again.
    loading.catch(() => childrenCache.delete(parent));
    childrenCache.set(parent, loading);
  }
  return loading;
}

/** The codes from just below `root` down to `value`, one per level: 3303 → 330381 → 330381102 → … */
export function pathBelow(root: string, value: string): string[] {
  if (!value.startsWith(root)) return [];
  return LEVEL_LENGTHS.filter((length) => length > root.length && length <= value.length).map((length) => value.slice(0, length));
}

interface StepProps {
  parent: string;
  selected: string | null;
  /** Offer 不再细分 (the parent itself) as the first choice. */
  allowWhole: boolean;
  onSelect: (code: string) => void;
}

function RegionStep({ parent, selected, allowWhole, onSelect }: StepProps) {
  const children = useAsync(() => childrenOf(parent), [parent]);
  const levelName = CHILD_LEVEL_NAMES[parent.length] ?? '下一级';
  if (children.status === 'loading') return <View className='filter-button filter-button--wide'>正在加载{levelName}…</View>;
  if (children.status === 'error') {
    return (
      <View className='filter-button filter-button--wide' onClick={children.reload}>
        {levelName}加载失败，点此重试
      </View>
    );
  }
  const list = children.data;
  if (list.length === 0) return null;
  const options = [...(allowWhole ? ['不再细分'] : []), ...list.map((region) => region.name)];
  const current = list.find((region) => region.code === selected);
  return (
    <Picker
      mode='selector'
      range={options}
      value={current ? list.indexOf(current) + (allowWhole ? 1 : 0) : 0}
      onChange={(e) => {
        const index = Number(e.detail.value) - (allowWhole ? 1 : 0);
        onSelect(index < 0 ? parent : list[index].code);
      }}
    >
      <View className={current ? 'filter-button filter-button--wide filter-button--on' : 'filter-button filter-button--wide'}>
        {current ? `${levelName}：${current.name}` : allowWhole ? `${levelName}：不再细分（点此选择）` : `请选择${levelName}`}
      </View>
    </Picker>
  );
}

interface RegionCascadeProps {
  /** The region the choice stays inside (the official's own). */
  rootCode: string;
  value: string;
  onChange: (code: string) => void;
  /** 12 to go down to a village; 9 stops at townships. */
  deepest: 9 | 12;
  /** Whether a region above the deepest level is an answer (a reviewer's region), or only the deepest level is. */
  stopAnywhere?: boolean;
}

/** One picker per level below the official's region, each filled once the level above is chosen. */
export function RegionCascade({ rootCode, value, onChange, deepest, stopAnywhere = false }: RegionCascadeProps) {
  const chosen = pathBelow(rootCode, value);
  // A picker for each chosen level, and one more for the next level while the deepest is not reached.
  const parents = [rootCode, ...chosen].filter((code) => code.length < deepest);
  return (
    <View className='region-steps'>
      {parents.map((parent, index) => (
        <RegionStep key={parent} parent={parent} selected={chosen[index] ?? null} allowWhole={stopAnywhere} onSelect={onChange} />
      ))}
    </View>
  );
}
