import { Picker, View } from '@tarojs/components';
import { beijingToday, formatDate } from '../utils/format';

/** A service time being picked: one day, a start and an end (Beijing time). */
export interface Slot {
  date: string;
  start: string;
  end: string;
}

/** Three big pickers: 日期, 开始时间, 结束时间. */
export function SlotPicker({ slot, onChange }: { slot: Slot; onChange: (slot: Slot) => void }) {
  return (
    <View className='slot-picker'>
      <Picker mode='date' value={slot.date} start={beijingToday()} onChange={(e) => onChange({ ...slot, date: String(e.detail.value) })}>
        <View className='filter-button filter-button--wide'>日期：{formatDate(slot.date)}</View>
      </Picker>
      <View className='range-row spaced'>
        <Picker mode='time' value={slot.start} onChange={(e) => onChange({ ...slot, start: String(e.detail.value) })}>
          <View className='filter-button'>开始 {slot.start}</View>
        </Picker>
        <View className='range-row__to'>至</View>
        <Picker mode='time' value={slot.end} onChange={(e) => onChange({ ...slot, end: String(e.detail.value) })}>
          <View className='filter-button'>结束 {slot.end}</View>
        </Picker>
      </View>
    </View>
  );
}
