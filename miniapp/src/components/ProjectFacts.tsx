import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { AUDIENCE_LABELS, CATEGORY_LABELS, COST_LABELS, type ProjectContent } from '@hall-menu/shared';
import { formatAudienceSize, formatDateRange, formatDuration, formatTimeWindow, formatWeekdays } from '../utils/format';
import { PhotoStrip } from './PhotoStrip';
import { RegionNames } from './RegionNames';

interface Fact {
  key: keyof ProjectContent | 'audience';
  label: string;
  /** Comparable text, to tell whether an edit changed the fact. */
  text: (c: ProjectContent) => string;
  /** What is shown, when it is more than text (region names are looked up). */
  render?: (c: ProjectContent) => ReactNode;
}

const costText = (c: ProjectContent) => (c.costNote ? `${COST_LABELS[c.cost]}（${c.costNote}）` : COST_LABELS[c.cost]);

/** Every declared fact in plain Chinese, in the order a hall manager asks about them. */
export const PROJECT_FACTS: Fact[] = [
  { key: 'durationMinutes', label: '时长', text: (c) => `约${formatDuration(c.durationMinutes)}` },
  { key: 'audience', label: '观众人数', text: (c) => formatAudienceSize(c.audienceMin, c.audienceMax) },
  { key: 'targetAudience', label: '适合人群', text: (c) => (c.targetAudience === 'all' ? '不限，男女老少都适合' : AUDIENCE_LABELS[c.targetAudience]) },
  { key: 'requirements', label: '场地要求', text: (c) => c.requirements || '无特殊要求' },
  { key: 'weekdays', label: '可服务日', text: (c) => formatWeekdays(c.weekdays) },
  { key: 'timeWindows', label: '可服务时段', text: (c) => c.timeWindows.map(formatTimeWindow).join('、') },
  { key: 'leadDays', label: '提前预约', text: (c) => (c.leadDays === 0 ? '无需提前，当天可约' : `需提前 ${c.leadDays} 天预约`) },
  { key: 'blackoutDates', label: '不可服务日期', text: (c) => (c.blackoutDates.length ? c.blackoutDates.map(formatDateRange).join('；') : '无') },
  { key: 'cost', label: '费用', text: costText },
  { key: 'serviceArea', label: '服务区域', text: (c) => [...c.serviceArea].sort().join(','), render: (c) => <RegionNames codes={c.serviceArea} /> },
];

/** Facts an edit may change beyond the list above, for the comparison of a revision. */
const EXTRA_FACTS: Fact[] = [
  { key: 'category', label: '服务类别', text: (c) => CATEGORY_LABELS[c.category] },
  { key: 'title', label: '项目名称', text: (c) => c.title },
  { key: 'description', label: '项目介绍', text: (c) => c.description },
  { key: 'photos', label: '照片', text: (c) => c.photos.join(','), render: (c) => <PhotoStrip photos={c.photos} /> },
];

function FactRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='fact'>
      <View className='fact__label'>{label}</View>
      <View className='fact__value'>{children}</View>
    </View>
  );
}

export function ProjectFacts({ content }: { content: ProjectContent }) {
  return (
    <View className='card facts'>
      {PROJECT_FACTS.map((fact) => (
        <FactRow key={fact.key} label={fact.label}>
          {fact.render ? fact.render(content) : fact.text(content)}
        </FactRow>
      ))}
    </View>
  );
}

/** What an edit changes: each changed fact as 原内容 / 修改为. */
export function ContentChanges({ before, after }: { before: ProjectContent; after: ProjectContent }) {
  const changed = [...EXTRA_FACTS, ...PROJECT_FACTS].filter((fact) => fact.text(before) !== fact.text(after));
  if (changed.length === 0) return <View className='card__meta'>内容与当前上架的版本相同</View>;
  const show = (fact: Fact, content: ProjectContent) => (fact.render ? fact.render(content) : fact.text(content));
  return (
    <View className='changes'>
      {changed.map((fact) => (
        <View key={fact.key} className='change'>
          <View className='change__label'>{fact.label}</View>
          <View className='change__before'>
            <View className='change__tag'>原内容</View>
            <View className='change__text'>{show(fact, before)}</View>
          </View>
          <View className='change__after'>
            <View className='change__tag change__tag--new'>修改为</View>
            <View className='change__text'>{show(fact, after)}</View>
          </View>
        </View>
      ))}
    </View>
  );
}
