import { View } from '@tarojs/components';

/** What each number of stars means, said next to the stars so nobody has to count them. */
export const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'] as const;

/** Five big star buttons (each at least a finger wide); the chosen count is said in words beside them. */
export function StarInput({ value, onChange, label }: { value: number; onChange: (stars: number) => void; label?: string }) {
  return (
    <View className='star-input'>
      <View className='star-input__stars' role='radiogroup' aria-label={label ?? '打分'}>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={n <= value ? 'star-input__star star-input__star--on' : 'star-input__star'}
            role='radio'
            aria-checked={n === value}
            aria-label={`${n} 星`}
            data-stars={n}
            onClick={() => onChange(n)}
          >
            {n <= value ? '★' : '☆'}
          </View>
        ))}
      </View>
      <View className='star-input__words'>{value > 0 ? `${value} 星 · ${STAR_WORDS[value]}` : '点星星打分'}</View>
    </View>
  );
}

/** Stars as text: "★★★★☆ 4星" (a mean like 4.5 rounds to the nearest star, the figure stays exact). */
export function Stars({ stars }: { stars: number }) {
  const full = Math.round(stars);
  const figure = Number.isInteger(stars) ? String(stars) : stars.toFixed(1);
  return (
    <View className='stars' aria-label={`${figure} 星`}>
      <View className='stars__icons'>{'★'.repeat(full) + '☆'.repeat(5 - full)}</View>
      <View className='stars__figure'>{figure}星</View>
    </View>
  );
}
