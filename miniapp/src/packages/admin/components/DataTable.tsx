import type { ReactNode } from 'react';
import { View } from '@tarojs/components';

export interface Column<T> {
  title: string;
  render: (row: T) => ReactNode;
  /** The card's heading on a phone (no label); the first column on a wide window. */
  primary?: boolean;
}

interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[];
  keyOf: (row: T) => string | number;
  /** Makes each row open something (a chevron on the card, a hover on the table row). */
  onRowClick?: (row: T) => void;
}

/**
 * A list of records that is a stack of cards under 600 CSS px (each value with its column's name) and a real table
 * with column headings on a wider window; the switch is pure CSS (admin.scss), so nothing overflows at 360 wide.
 */
export function DataTable<T>({ columns, rows, keyOf, onRowClick }: DataTableProps<T>) {
  return (
    <View className='data-table'>
      <View className='data-table__head'>
        {columns.map((column) => (
          <View key={column.title} className='data-table__th'>
            {column.title}
          </View>
        ))}
      </View>
      {rows.map((row) => (
        <View
          key={keyOf(row)}
          className={onRowClick ? 'data-table__row data-table__row--link' : 'data-table__row'}
          onClick={onRowClick ? () => onRowClick(row) : undefined}
        >
          {columns.map((column) => (
            <View key={column.title} className={column.primary ? 'data-table__cell data-table__cell--primary' : 'data-table__cell'}>
              <View className='data-table__label'>{column.title}</View>
              <View className='data-table__value'>{column.render(row)}</View>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
