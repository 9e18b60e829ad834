import { useState } from 'react';
import { Button, Input, View } from '@tarojs/components';

/** A search box with its 搜索 button (the keyboard's search key works too); an empty search shows everything. */
export function SearchBar({ value, placeholder, onSearch }: { value: string; placeholder: string; onSearch: (text: string) => void }) {
  const [text, setText] = useState(value);
  return (
    <View className='search-row'>
      <Input
        className='input search-row__input'
        value={text}
        maxlength={30}
        confirmType='search'
        placeholder={placeholder}
        onInput={(e) => setText(e.detail.value)}
        onConfirm={() => onSearch(text.trim())}
      />
      <Button className='btn btn--primary search-row__button' onClick={() => onSearch(text.trim())}>
        搜索
      </Button>
    </View>
  );
}
