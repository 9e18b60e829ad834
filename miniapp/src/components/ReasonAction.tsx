import { useState } from 'react';
import { Button, Textarea, View } from '@tarojs/components';
import { explainFailure } from '../utils/form-errors';
import { Field, FormError } from './Field';

interface ReasonActionProps {
  /** The button: 隐藏, 撤销, 撤回提名, 谢绝. */
  label: string;
  /** What the reason field asks for. */
  prompt: string;
  placeholder: string;
  minLength?: number;
  maxLength?: number;
  /** Runs with the trimmed reason; a failure stays on screen with the reason kept. */
  onSubmit: (reason: string) => Promise<void>;
  primary?: boolean;
}

/** A button that first asks why (the record keeps the reason), then acts. */
export function ReasonAction({ label, prompt, placeholder, minLength = 1, maxLength = 500, onSubmit, primary = false }: ReasonActionProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const text = reason.trim();
    if (text.length < minLength) return setError(minLength > 1 ? `${prompt}至少 ${minLength} 个字` : `请填写${prompt}`);
    if (text.length > maxLength) return setError(`${prompt}最多 ${maxLength} 个字`);
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(text);
      setOpen(false);
      setReason('');
    } catch (e) {
      const explained = explainFailure(e);
      setFailure(explained.message);
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <Button className={primary ? 'btn btn--primary btn--small' : 'btn btn--small'} onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  }
  return (
    <View className='reason-form spaced'>
      <FormError message={failure} />
      <Field label={prompt} required error={error ?? undefined}>
        <Textarea
          className='textarea'
          value={reason}
          maxlength={maxLength}
          placeholder={placeholder}
          onInput={(e) => {
            setReason(e.detail.value);
            setError(null);
          }}
        />
      </Field>
      <View className='button-row'>
        <Button className='btn' disabled={busy} onClick={() => setOpen(false)}>
          返回
        </Button>
        <Button className='btn btn--primary' disabled={busy} onClick={submit}>
          {busy ? '正在提交…' : `确认${label}`}
        </Button>
      </View>
    </View>
  );
}
