import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';

export interface PageLink {
  title: string;
  url: string;
  note?: string;
}

/** Big rows that open a page: the entries of a workspace. */
export function LinkList({ links }: { links: PageLink[] }) {
  return (
    <View className='option-list'>
      {links.map((link) => (
        <View key={link.url} className='option option--link' onClick={() => Taro.navigateTo({ url: link.url })}>
          <View className='option__title'>{link.title}</View>
          {link.note && <View className='option__meta'>{link.note}</View>}
        </View>
      ))}
    </View>
  );
}
