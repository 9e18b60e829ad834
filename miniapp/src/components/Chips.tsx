import type { ReactNode } from 'react';
import { View } from '@tarojs/components';

export interface ChipOption<T> {
  value: T;
  label: ReactNode;
}

/**
 * Big toggle buttons in a wrapping row: single choice (`value`) or several (`values`).
 * Tapping a chosen single-choice chip again clears it when `clearable`.
 */
export function ChipGroup<T extends string | number>(
  props: {
    options: ChipOption<T>[];
    /** Narrow chips (weekdays) fit more per row. */
    compact?: boolean;
  } & (
    | { multiple: true; values: T[]; onChange: (values: T[]) => void }
    | { multiple?: false; value: T | null; onChange: (value: T | null) => void; clearable?: boolean }
  ),
) {
  const selected = (value: T) => (props.multiple ? props.values.includes(value) : props.value === value);
  const toggle = (value: T) => {
    if (props.multiple) {
      props.onChange(selected(value) ? props.values.filter((v) => v !== value) : [...props.values, value]);
    } else if (!selected(value)) {
      props.onChange(value);
    } else if (props.clearable) {
      props.onChange(null);
    }
  };
  return (
    <View className={props.compact ? 'chips chips--compact' : 'chips'}>
      {props.options.map((option) => (
        <View
          key={String(option.value)}
          className={selected(option.value) ? 'chip chip--on' : 'chip'}
          aria-pressed={selected(option.value)}
          onClick={() => toggle(option.value)}
        >
          {option.label}
        </View>
      ))}
    </View>
  );
}
