import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { errorMessage } from '../../../api/api-error';
import { SearchBar } from './SearchBar';

interface SearchPickerProps<T> {
  placeholder: string;
  search: (text: string) => Promise<T[]>;
  keyOf: (item: T) => number;
  describe: (item: T) => { title: string; meta?: string };
  /** The button on each result, e.g. 设为管理员. */
  actionLabel: string;
  /** Why a result cannot be picked (already a manager…); it shows instead of the button. */
  unavailable?: (item: T) => string | null;
  onPick: (item: T) => Promise<void> | void;
}

/** Search, then pick from the results with a big button: for people, halls and organisations. */
export function SearchPicker<T>({ placeholder, search, keyOf, describe, actionLabel, unavailable, onPick }: SearchPickerProps<T>) {
  const [results, setResults] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  async function run(text: string) {
    setError(null);
    try {
      setResults(await search(text));
    } catch (failure) {
      setResults(null);
      setError(errorMessage(failure));
    }
  }

  async function pick(item: T) {
    if (busy !== null) return;
    setBusy(keyOf(item));
    setError(null);
    try {
      await onPick(item);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  }

  return (
    <View>
      <SearchBar value='' placeholder={placeholder} onSearch={run} />
      {error && <View className='form-error'>{error}</View>}
      {results && results.length === 0 && <View className='state__hint spaced'>没有找到，请换个词再试</View>}
      {results && results.length > 0 && (
        <View className='pick-list'>
          {results.map((item) => {
            const { title, meta } = describe(item);
            const blocked = unavailable?.(item) ?? null;
            return (
              <View key={keyOf(item)} className='pick-row'>
                <View className='pick-row__text'>
                  <View>{title}</View>
                  {meta && <View className='pick-row__meta'>{meta}</View>}
                </View>
                {blocked ? (
                  <View className='pick-row__meta'>{blocked}</View>
                ) : (
                  <Button className='btn btn--small' disabled={busy !== null} onClick={() => pick(item)}>
                    {busy === keyOf(item) ? '请稍候…' : actionLabel}
                  </Button>
                )}
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
