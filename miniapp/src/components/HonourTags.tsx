import { View } from '@tarojs/components';
import type { HonourBadge, ProjectSource, ScoreSummary } from '@hall-menu/shared';

/** "★4.6 · 23 条评价": the Bayesian score the menu sorts by, with how many ratings it rests on. */
export function formatScore(rating: ScoreSummary): string {
  if (rating.count === 0) return '暂无评价';
  return `★${rating.score.toFixed(1)} · ${rating.count} 条评价`;
}

/**
 * 品牌项目 and 村晚 marks of a project: `short` (menu cards) drops the year and shows 村晚; the detail page names
 * the year and has its own source tag.
 */
export function ProjectHonourTags({ source, honours, short = false }: { source: ProjectSource; honours: HonourBadge[]; short?: boolean }) {
  const shown = short ? honours.slice(0, 1) : honours;
  return (
    <>
      {shown.map((badge) => (
        <View key={badge.id} className='honour-tag'>
          {short ? '品牌项目' : badge.label}
        </View>
      ))}
      {short && source === 'village_gala' && <View className='honour-tag honour-tag--gala'>村晚</View>}
    </>
  );
}

/** 表彰 of a provider or hall: "2026年度表彰单位", with the citation when there is room. */
export function CommendationList({ honours }: { honours: HonourBadge[] }) {
  if (honours.length === 0) return null;
  return (
    <View className='honour-list'>
      {honours.map((badge) => (
        <View key={badge.id} className='honour-list__item'>
          <View className='honour-tag'>{badge.label}</View>
          {badge.citation && <View className='card__meta'>{badge.citation}</View>}
        </View>
      ))}
    </View>
  );
}
