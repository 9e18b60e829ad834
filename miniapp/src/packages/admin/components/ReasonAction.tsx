import { useState } from 'react';
import { Button, Textarea, View } from '@tarojs/components';
import { errorMessage } from '../../../api/api-error';
import { Field } from '../../../components/Field';
import { confirmed } from './actions';

interface ReasonActionProps {
  /** The button that opens the form, e.g. 关闭礼堂. */
  label: string;
  /** Field label, e.g. 关闭原因. */
  reasonLabel: string;
  placeholder: string;
  /** The question asked before the change, e.g. 关闭后礼堂不能再点单…; the person's reason follows it. */
  question: string;
  /** The shared schema's check; returns the message to show, or null when the reason is acceptable. */
  validate: (reason: string) => string | null;
  onSubmit: (reason: string) => Promise<void>;
}

/** A destructive action that needs a written reason: the button opens the form, the form asks once more before acting. */
export function ReasonAction({ label, reasonLabel, placeholder, question, validate, onSubmit }: ReasonActionProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <Button className='btn btn--block' onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  }

  async function submit() {
    if (busy) return;
    const problem = validate(reason);
    if (problem) {
      setError(problem);
      return;
    }
    if (!(await confirmed(label, `${question}\n原因：${reason.trim()}`, label.slice(0, 4)))) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
      setOpen(false);
      setReason('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='reason-form spaced'>
      <Field label={reasonLabel} required error={error ?? undefined}>
        <Textarea
          className='textarea'
          value={reason}
          maxlength={200}
          placeholder={placeholder}
          onInput={(e) => {
            setReason(e.detail.value);
            setError(null);
          }}
        />
      </Field>
      <View className='button-row'>
        <Button className='btn' onClick={() => setOpen(false)}>
          取消
        </Button>
        <Button className='btn btn--primary' disabled={busy} onClick={submit}>
          {busy ? '正在提交…' : `确认${label}`}
        </Button>
      </View>
    </View>
  );
}
