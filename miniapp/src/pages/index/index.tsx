import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@hall-menu/shared';
import { listHalls } from '../../api/halls';
import { HallCard } from '../../components/HallCard';
import { PageShell } from '../../components/PageShell';
import { AsyncContent, EmptyState } from '../../components/StateViews';
import { useAsync } from '../../hooks/use-async';

const HALLS_PAGE_SIZE = 20;

function openCategory(category: Category) {
  // The service menu arrives in a later release; say so instead of opening an empty page.
  void Taro.showToast({ title: `${CATEGORY_LABELS[category]}服务即将上线`, icon: 'none' });
}

export default function HomePage() {
  const halls = useAsync(() => listHalls({ page: 1, pageSize: HALLS_PAGE_SIZE }), []);

  return (
    <PageShell>
      <View className='page-header'>
        <View className='page-header__title'>礼堂点单</View>
        <View className='page-header__subtitle'>把文化服务送到村里的文化礼堂</View>
      </View>

      <View className='section'>
        <View className='section__title'>服务菜单</View>
        <View className='category-grid'>
          {CATEGORIES.map((category) => (
            <View key={category} className='category-grid__item' onClick={() => openCategory(category)}>
              {CATEGORY_LABELS[category]}
            </View>
          ))}
        </View>
      </View>

      <View className='section'>
        <View className='section__title'>
          文化礼堂
          {halls.status === 'success' && halls.data.total > 0 && <View className='section__note'>共 {halls.data.total} 个</View>}
        </View>
        <AsyncContent
          state={halls}
          isEmpty={(page) => page.items.length === 0}
          empty={<EmptyState title='还没有礼堂' hint='礼堂登记后会显示在这里' />}
        >
          {(page) => page.items.map((hall) => <HallCard key={hall.id} hall={hall} />)}
        </AsyncContent>
      </View>
    </PageShell>
  );
}
