import { Image, View } from '@tarojs/components';
import { CATEGORY_LABELS, type Category } from '@hall-menu/shared';
import { mediaUrl } from '../api/media';

/**
 * A project's photo, or, when it has none (most demo projects), a block in its category's colour
 * with the category name: never a broken image. `size` picks the CSS box (thumbnail or banner).
 */
export function ProjectCover({ cover, category, size }: { cover: string | null; category: Category; size: 'thumb' | 'banner' }) {
  if (cover) return <Image className={`cover cover--${size}`} src={mediaUrl(cover)} mode='aspectFill' lazyLoad />;
  return (
    <View className={`cover cover--${size} cover--placeholder cover--${category}`}>
      <View className='cover__label'>{CATEGORY_LABELS[category]}</View>
    </View>
  );
}
