import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

/** A labelled form field with its hint and its red message. */
export function Field({ label, hint, error, required, children }: { label: string; hint?: string; error?: string; required?: boolean; children: ReactNode }) {
  return (
    <View className={error ? 'field field--invalid' : 'field'}>
      <View className='field__label'>
        {label}
        {required && <Text className='field__required'>（必填）</Text>}
      </View>
      {hint && <View className='field__hint'>{hint}</View>}
      {children}
      {error && <View className='form-error'>{error}</View>}
    </View>
  );
}

/** The message of a whole form (the server's answer, or "还有 N 处需要修改"). */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return <View className='notice notice--error notice--inline'>{message}</View>;
}
