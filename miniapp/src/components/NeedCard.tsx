import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { CATEGORY_LABELS, type NeedDto } from '@hall-menu/shared';
import { errorMessage } from '../api/api-error';
import { upvoteNeed } from '../api/needs';
import { needUrl } from '../routes';
import { selectIsLoggedIn, useAuthStore } from '../stores/auth';
import { formatDate } from '../utils/format';
import { NeedStatusTag } from './StatusTag';

/** 我也想看: a villager adds their voice once; afterwards the button says so and stays disabled. */
export function UpvoteButton({ need, onChanged }: { need: NeedDto; onChanged: (need: NeedDto) => void }) {
  const isVillager = useAuthStore((state) => selectIsLoggedIn(state) && (state.me?.roles.includes('villager') ?? false));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!isVillager || need.status !== 'open') return null;

  async function upvote() {
    if (busy || need.upvotedByMe) return;
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await upvoteNeed(need.id));
      void Taro.showToast({ title: '已记下，您也想看', icon: 'none' });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='spaced'>
      <Button className={need.upvotedByMe ? 'btn btn--block' : 'btn btn--primary btn--block'} disabled={busy || need.upvotedByMe} onClick={upvote}>
        {need.upvotedByMe ? '您已表示想看' : '我也想看'}
      </Button>
      {failure && <View className='form-error'>{failure}</View>}
    </View>
  );
}

export function NeedSummary({ need }: { need: NeedDto }) {
  return (
    <>
      <View className='card__head'>
        <View className='card__title'>{need.title}</View>
        <NeedStatusTag status={need.status} />
      </View>
      <View className='card__meta'>
        {need.hall.name} · {CATEGORY_LABELS[need.category]}
      </View>
      <View className='card__meta'>
        希望时间：{formatDate(need.periodFrom)} 至 {formatDate(need.periodTo)} · 预计 {need.expectedAudience} 人
      </View>
      <View className='card__meta'>{need.upvotes} 位村民也想看</View>
    </>
  );
}

/** A need in a list: tapping opens it; villagers can add 我也想看 right here. */
export function NeedCard({ need: initial, showUpvote }: { need: NeedDto; showUpvote?: boolean }) {
  const [need, setNeed] = useState(initial);
  return (
    <View className='card'>
      <View onClick={() => Taro.navigateTo({ url: needUrl(need.id) })}>
        <NeedSummary need={need} />
      </View>
      {showUpvote && <UpvoteButton need={need} onChanged={setNeed} />}
    </View>
  );
}
