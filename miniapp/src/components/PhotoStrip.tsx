import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { mediaUrl } from '../api/media';

/** Photos as thumbnails; tapping one opens the phone's full-screen viewer. */
export function PhotoStrip({ photos }: { photos: string[] }) {
  if (photos.length === 0) return <View>无</View>;
  const urls = photos.map(mediaUrl);
  return (
    <View className='photo-strip'>
      {urls.map((url) => (
        <Image key={url} className='photo-strip__item' src={url} mode='aspectFill' onClick={() => Taro.previewImage({ urls, current: url })} />
      ))}
    </View>
  );
}
