import { useRef } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CATEGORY_LABELS, type LowScoreItemDto, type MeResponse } from '@hall-menu/shared';
import { listLowScores } from '../../../../api/ratings';
import { formatScore } from '../../../../components/HonourTags';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { Stars } from '../../../../components/StarRating';
import { AsyncContent, EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { useFreshMe } from '../../../../hooks/use-fresh-me';
import { projectUrl } from '../../../../routes';
import { formatDateTime } from '../../../../utils/format';

/** A region rarely has more than a handful of flagged projects; the first page holds them. */
const PAGE_SIZE = 50;

function FlaggedProject({ item }: { item: LowScoreItemDto }) {
  const satisfaction = item.rating.satisfaction === null ? null : Math.round(item.rating.satisfaction * 100);
  return (
    <View className='card card--link' data-low-score={item.projectId} onClick={() => Taro.navigateTo({ url: projectUrl(item.projectId) })}>
      <View className='card__title'>{item.title}</View>
      <View className='tag-list'>
        <View className='tag'>{CATEGORY_LABELS[item.category]}</View>
        <View className='status-tag status-tag--alert'>评分 {formatScore(item.rating)}</View>
      </View>
      <View className='card__meta'>{item.provider.name}</View>
      <View className='card__meta'>
        {satisfaction !== null && `满意度 ${satisfaction}% · `}
        {formatDateTime(item.flaggedAt)} 起低于预警线
      </View>
      {item.recentComplaints.map((complaint, i) => (
        <View key={i} className='rating-item'>
          <View className='rating-item__head'>
            <Stars stars={complaint.stars} />
            <View className='card__meta'>{formatDateTime(complaint.createdAt)}</View>
          </View>
          {complaint.text && <View className='rating-item__text'>{complaint.text}</View>}
        </View>
      ))}
      <View className='card__meta'>点开项目可查看详情，必要时暂停上架</View>
    </View>
  );
}

function LowScores() {
  const flagged = useAsync(() => listLowScores({ page: 1, pageSize: PAGE_SIZE }), []);
  const shownBefore = useRef(false);
  // Back from a project (perhaps suspended there): the list may have changed.
  useDidShow(() => {
    if (shownBefore.current) flagged.refresh();
    shownBefore.current = true;
  });
  return (
    <AsyncContent state={flagged}>
      {(data) => (
        <View className='section'>
          <View className='section__title'>
            评分偏低的项目
            <View className='section__note'>共 {data.total} 个</View>
          </View>
          <View className='notice notice--inline'>
            已上架、至少有 {data.minRatings} 条评价、评分低于 {data.threshold} 分的项目，分数最低的在前。评分回升后自动移出。
          </View>
          {data.items.length === 0 ? (
            <EmptyState title='没有评分偏低的项目' hint='辖区内的项目评价都还不错' />
          ) : (
            data.items.map((item) => <FlaggedProject key={item.projectId} item={item} />)
          )}
          {data.total > data.items.length && <View className='card__meta'>只显示了分数最低的 {data.items.length} 个</View>}
        </View>
      )}
    </AsyncContent>
  );
}

function ReviewerLowScores({ me }: { me: MeResponse }) {
  if (!me.scopes.region) return <EmptyState title='还没有为您分配负责的地区' hint='请联系平台管理员' />;
  return <LowScores />;
}

export default function LowScoresPage() {
  useFreshMe();
  return (
    <PageShell>
      <RoleGate role='reviewer'>{(me) => <ReviewerLowScores me={me} />}</RoleGate>
    </PageShell>
  );
}
