import { View } from '@tarojs/components';
import type { MeResponse } from '@hall-menu/shared';
import { listHalls } from '../../../../api/halls';
import { listRegions } from '../../../../api/regions';
import { HallCard } from '../../../../components/HallCard';
import { LinkList } from '../../../../components/LinkList';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { AsyncContent, EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { useFreshMe } from '../../../../hooks/use-fresh-me';
import { REVIEWER_PAGES, WORKSPACES } from '../../../../routes';

const HALLS_PAGE_SIZE = 20;

/** 社会评价: figures, charts and downloads, rankings and marks, rating alerts and 村晚 nominations for the reviewer's region. */
const STATS_LINKS = [
  { title: '社会评价统计', url: REVIEWER_PAGES.stats, note: '服务场次、参与人次、满意度、趋势图，下载表格和工作总结' },
  { title: '年度排名与表彰', url: REVIEWER_PAGES.rankings, note: '项目、服务方、礼堂的年度排名，评品牌项目、表彰先进' },
  { title: '评分预警', url: REVIEWER_PAGES.lowScores, note: '评分偏低、评价较多的项目，可查看并暂停上架' },
  { title: '村晚节目提名', url: REVIEWER_PAGES.nominations, note: '把村晚优秀节目推荐上服务菜单' },
];

function RegionOverview({ region }: { region: { code: string; name: string } }) {
  const overview = useAsync(
    () => Promise.all([listRegions({ parent: region.code }), listHalls({ region: region.code, page: 1, pageSize: HALLS_PAGE_SIZE })]),
    [region.code],
  );

  return (
    <AsyncContent state={overview}>
      {([subregions, halls]) => (
        <>
          <View className='section'>
            <View className='card'>
              <View className='card__meta'>我负责的地区</View>
              <View className='card__title'>{region.name}</View>
              {subregions.length > 0 && <View className='card__meta'>下辖：{subregions.map((child) => child.name).join('、')}</View>}
            </View>
          </View>
          <View className='section'>
            <View className='section__title'>
              辖区内的礼堂
              <View className='section__note'>共 {halls.total} 个</View>
            </View>
            {halls.items.length === 0 ? (
              <EmptyState title='辖区内还没有礼堂' />
            ) : (
              halls.items.map((hall) => <HallCard key={hall.id} hall={hall} />)
            )}
          </View>
        </>
      )}
    </AsyncContent>
  );
}

function ReviewerHome({ me }: { me: MeResponse }) {
  const region = me.scopes.region;
  if (!region) return <EmptyState title='还没有为您分配负责的地区' hint='请联系平台管理员' />;
  return (
    <>
      <View className='section'>
        <View className='section__title'>项目审核</View>
        <LinkList links={WORKSPACES.reviewer?.links ?? []} />
      </View>
      <View className='section'>
        <View className='section__title'>社会评价</View>
        <LinkList links={STATS_LINKS} />
      </View>
      <RegionOverview region={region} />
    </>
  );
}

export default function ReviewerHomePage() {
  useFreshMe();
  return (
    <PageShell>
      <RoleGate role='reviewer'>{(me) => <ReviewerHome me={me} />}</RoleGate>
    </PageShell>
  );
}
