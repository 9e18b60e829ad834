import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { HallDto } from '@hall-menu/shared';

export function HallCard({ hall, children }: { hall: HallDto; children?: ReactNode }) {
  return (
    <View className='card'>
      <View className='card__title'>{hall.name}</View>
      <View className='card__meta'>{hall.regionPath}</View>
      <View className='card__meta'>座位 {hall.seats} 个</View>
      {children}
    </View>
  );
}
