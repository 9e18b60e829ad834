import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, View } from '@tarojs/components';
import { ROLE_LABELS, inviteRedeemSchema } from '@hall-menu/shared';
import { errorMessage } from '../../api/api-error';
import { redeemInvite } from '../../api/me';
import { Field } from '../../components/Field';
import { useAuthStore } from '../../stores/auth';

/** 输入邀请码: an official gave this person a code that makes them a hall manager or a provider member. */
export function RedeemInvite() {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <View className='option option--link' onClick={() => setOpen(true)}>
        <View className='option__title'>输入邀请码</View>
        <View className='option__meta'>收到礼堂或服务方的邀请码？输入后成为礼堂管理员或服务方成员</View>
      </View>
    );
  }

  async function redeem() {
    if (busy) return;
    const checked = inviteRedeemSchema.safeParse({ code });
    if (!checked.success) {
      setError(checked.error.issues[0].message);
      return;
    }
    setBusy(true);
    setError(null);
    const before = useAuthStore.getState().me?.roles ?? [];
    try {
      const me = await redeemInvite(checked.data.code);
      useAuthStore.getState().setMe(me);
      const gained = me.roles.find((role) => !before.includes(role));
      // The new role is the one the person came for: open it.
      if (gained) useAuthStore.getState().setActiveRole(gained);
      void Taro.showModal({
        title: '加入成功',
        content: gained ? `您已成为${ROLE_LABELS[gained]}，可以在「我的」进入工作台。` : '邀请码已使用，您的身份已更新。',
        showCancel: false,
        confirmText: '知道了',
      });
      setOpen(false);
      setCode('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='card'>
      <Field label='邀请码' hint='字母和数字，不区分大小写' error={error ?? undefined}>
        <Input
          className='input code-input'
          value={code}
          maxlength={20}
          placeholder='请输入邀请码'
          onInput={(e) => {
            setCode(e.detail.value);
            setError(null);
          }}
          onConfirm={redeem}
        />
      </Field>
      <View className='button-row'>
        <Button className='btn' onClick={() => setOpen(false)}>
          取消
        </Button>
        <Button className='btn btn--primary' disabled={busy} onClick={redeem}>
          {busy ? '正在提交…' : '确认'}
        </Button>
      </View>
    </View>
  );
}
