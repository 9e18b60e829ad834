import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { AUDIENCE_LABELS, type MenuItemDto } from '@hall-menu/shared';
import { projectUrl } from '../routes';
import { formatDuration, formatRating } from '../utils/format';
import { formatScore, ProjectHonourTags } from './HonourTags';
import { ProjectCover } from './ProjectCover';

/**
 * One project of the service menu; tapping opens its detail page. From one detail page to another
 * the page is replaced (`replace`), so hopping between a provider's projects cannot fill the weapp's
 * ten-page stack.
 */
export function ProjectCard({ item, replace = false }: { item: MenuItemDto; replace?: boolean }) {
  const open = () => (replace ? Taro.redirectTo({ url: projectUrl(item.id) }) : Taro.navigateTo({ url: projectUrl(item.id) }));
  return (
    <View className='card project-card' onClick={open}>
      <ProjectCover cover={item.cover} category={item.category} size='thumb' />
      <View className='project-card__body'>
        <View className='project-card__title'>{item.title}</View>
        <View className='card__meta project-card__line'>{item.provider.name}</View>
        {item.providerRating.count > 0 && <View className='card__meta'>服务方 {formatScore(item.providerRating)}</View>}
        <View className='card__meta'>
          {formatDuration(item.durationMinutes)} · 适合{item.targetAudience === 'all' ? '所有人' : AUDIENCE_LABELS[item.targetAudience]}
        </View>
        <View className='project-card__tags'>
          <View className={item.cost === 'free' ? 'pill pill--free' : 'pill pill--paid'}>{item.cost === 'free' ? '免费' : '补贴'}</View>
          <ProjectHonourTags source={item.source} honours={item.honours} short />
          <View className='card__meta project-card__rating'>{formatRating(item.ratingAverage, item.ratingCount)}</View>
        </View>
      </View>
    </View>
  );
}
