import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { encodeQr } from '../utils/qr';

/** A QR code drawn with Views (no canvas, so it also prints and works in both targets), with its quiet zone. */
export function QrCode({ text }: { text: string }) {
  const rows = useMemo(() => encodeQr(text), [text]);
  return (
    <View className='qr' aria-label={`二维码：${text}`}>
      {rows.map((row, y) => (
        <View key={y} className='qr__row'>
          {row.map((dark, x) => (
            <View key={x} className={dark ? 'qr__cell qr__cell--on' : 'qr__cell'} />
          ))}
        </View>
      ))}
    </View>
  );
}
