import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  /** Counting word: 个, 条, 行. */
  unit: string;
  onChange: (page: number) => void;
}

/** 上一页 / 第 2 / 5 页 / 下一页 under a table: big buttons, no scroll-to-load. */
export function Pager({ page, pageSize, total, unit, onChange }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  if (pages === 1) {
    return (
      <View className='pager'>
        <View className='pager__info'>
          共 {total} {unit}
        </View>
      </View>
    );
  }
  const go = (next: number) => {
    onChange(next);
    // The new page starts at its top, not where the buttons were.
    void Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 });
  };
  return (
    <View className='pager'>
      <Button className='btn btn--small' disabled={page <= 1} onClick={() => go(page - 1)}>
        上一页
      </Button>
      <View className='pager__info'>
        第 {page} / {pages} 页，共 {total} {unit}
      </View>
      <Button className='btn btn--small' disabled={page >= pages} onClick={() => go(page + 1)}>
        下一页
      </Button>
    </View>
  );
}
