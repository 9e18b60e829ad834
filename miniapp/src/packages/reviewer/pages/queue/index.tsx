import { useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Picker, View } from '@tarojs/components';
import { CATEGORIES, CATEGORY_LABELS, type Category, type MeResponse, type ReviewQueueItemDto } from '@hall-menu/shared';
import { listReviewQueue } from '../../../../api/reviews';
import { ChipGroup } from '../../../../components/Chips';
import { PagedContent } from '../../../../components/PagedContent';
import { PageShell } from '../../../../components/PageShell';
import { RegionNames } from '../../../../components/RegionNames';
import { RoleGate } from '../../../../components/RoleGate';
import { EmptyState } from '../../../../components/StateViews';
import { usePagedList } from '../../../../hooks/use-paged';
import { useFreshMe } from '../../../../hooks/use-fresh-me';
import { projectUrl } from '../../../../routes';
import { formatDateTime } from '../../../../utils/format';

const PAGE_SIZE = 10;

type Kind = 'all' | ReviewQueueItemDto['kind'];
const KINDS: { value: Kind; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'project', label: '新项目' },
  { value: 'revision', label: '修改申请' },
];

const CATEGORY_FILTERS: (Category | null)[] = [null, ...CATEGORIES];
const categoryLabel = (category: Category | null) => (category ? CATEGORY_LABELS[category] : '全部类别');

function QueueItem({ item }: { item: ReviewQueueItemDto }) {
  return (
    <View className='card' onClick={() => Taro.navigateTo({ url: projectUrl(item.projectId) })}>
      <View className='project-card__title'>{item.title}</View>
      <View className='tag-list'>
        <View className={item.kind === 'revision' ? 'status-tag status-tag--pending_review' : 'status-tag status-tag--draft'}>
          {item.kind === 'revision' ? '修改申请' : '新项目'}
        </View>
        <View className='tag'>{CATEGORY_LABELS[item.category]}</View>
      </View>
      <View className='card__meta'>{item.provider.name}</View>
      <View className='card__meta'>
        服务区域：<RegionNames codes={item.serviceArea} />
      </View>
      <View className='card__meta'>{formatDateTime(item.submittedAt)} 提交</View>
    </View>
  );
}

function ReviewQueue() {
  const [kind, setKind] = useState<Kind>('all');
  const [category, setCategory] = useState<Category | null>(null);
  const queue = usePagedList(
    (page) => listReviewQueue({ kind: kind === 'all' ? undefined : kind, category: category ?? undefined, page, pageSize: PAGE_SIZE }),
    (item) => `${item.kind}-${item.revisionId ?? item.projectId}`,
    [kind, category],
  );
  const shownBefore = useRef(false);
  // Back from a decision: the item has left the queue.
  useDidShow(() => {
    if (shownBefore.current) queue.reload();
    shownBefore.current = true;
  });

  return (
    <>
      <View className='section'>
        <View className='section__title'>
          待审核
          <View className='section__note'>先提交的排在前面</View>
        </View>
        <ChipGroup options={KINDS} value={kind} onChange={(value) => value && setKind(value)} />
        <View className='spaced'>
          <Picker
            mode='selector'
            range={CATEGORY_FILTERS.map(categoryLabel)}
            value={CATEGORY_FILTERS.indexOf(category)}
            onChange={(e) => setCategory(CATEGORY_FILTERS[Number(e.detail.value)] ?? null)}
          >
            <View className={category ? 'filter-button filter-button--wide filter-button--on' : 'filter-button filter-button--wide'}>
              类别：{categoryLabel(category)}（点此选择）
            </View>
          </Picker>
        </View>
      </View>
      <View className='section'>
        <PagedContent list={queue} unit='项' empty={<EmptyState title='没有待审核的项目' hint='服务方提交的新项目和修改会出现在这里' />}>
          {(items) => items.map((item) => <QueueItem key={`${item.kind}-${item.revisionId ?? item.projectId}`} item={item} />)}
        </PagedContent>
      </View>
    </>
  );
}

function ReviewerQueue({ me }: { me: MeResponse }) {
  if (!me.scopes.region) return <EmptyState title='还没有为您分配负责的地区' hint='请联系平台管理员' />;
  return <ReviewQueue />;
}

export default function ReviewQueuePage() {
  useFreshMe();
  return (
    <PageShell>
      <RoleGate role='reviewer'>{(me) => <ReviewerQueue me={me} />}</RoleGate>
    </PageShell>
  );
}
