import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Textarea, View } from '@tarojs/components';
import {
  hallRatesProviderSchema,
  ORDER_RATING_DIMENSIONS,
  providerRatesHallSchema,
  type OrderDto,
  type OrderRatingDto,
  type OrderRatingSide,
} from '@hall-menu/shared';
import { hideOrderRating, listOrderRatings, rateOrder } from '../../api/ratings';
import { Field, FormError } from '../../components/Field';
import { ReasonAction } from '../../components/ReasonAction';
import { StarInput, Stars } from '../../components/StarRating';
import { AsyncContent } from '../../components/StateViews';
import { useAsync } from '../../hooks/use-async';
import { useAuthStore } from '../../stores/auth';
import { formatDateTime } from '../../utils/format';
import { errorsFromZod, useForm } from '../../utils/form-errors';

const MAX_TEXT = 300;

const SIDE_TITLES: Record<OrderRatingSide, string> = { hall: '礼堂对服务方的评价', provider: '服务方对礼堂的评价' };
const FORM_TITLES: Record<OrderRatingSide, string> = { hall: '评价服务方', provider: '评价礼堂' };
const TEXT_HINTS: Record<OrderRatingSide, string> = {
  hall: '例如：演员准时到场，节目很受老人欢迎',
  provider: '例如：礼堂提前布置好场地，村民来得很多',
};

/** One side's scores per dimension (节目内容、准时守约、群众反响 or 组织安排、到场人数) and words. */
function OrderRatingForm({ order, side, onSaved }: { order: OrderDto; side: OrderRatingSide; onSaved: () => void }) {
  const dimensions = Object.entries(ORDER_RATING_DIMENSIONS[side]);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [text, setText] = useState('');
  const { errors, setErrors, failure, busy, send, showInvalid } = useForm();

  function rate() {
    if (busy) return;
    const schema = side === 'hall' ? hallRatesProviderSchema : providerRatesHallSchema;
    const checked = schema.safeParse({ scores, text });
    if (!checked.success) return showInvalid(errorsFromZod(checked.error), '每一项都要打分');
    return send(async () => {
      await rateOrder(order.id, side, checked.data);
      void Taro.showToast({ title: '评价已提交', icon: 'none' });
      onSaved();
    });
  }

  return (
    <View className='card rating-form' data-rating-form={side}>
      <View className='card__title'>{FORM_TITLES[side]}</View>
      <View className='card__meta'>{side === 'hall' ? `为 ${order.provider.name} 这次的服务打分` : `为 ${order.hall.name} 这次的组织打分`}</View>
      <FormError message={failure} />
      {dimensions.map(([key, label]) => (
        <Field key={key} label={label} required error={errors[`scores.${key}`]}>
          <StarInput
            label={label}
            value={scores[key] ?? 0}
            onChange={(stars) => {
              setScores((current) => ({ ...current, [key]: stars }));
              setErrors((current) => ({ ...current, [`scores.${key}`]: '' }));
            }}
          />
        </Field>
      ))}
      <Field label='说说情况' hint={`选填，最多 ${MAX_TEXT} 个字，对方和审核员能看到`} error={errors.text}>
        <Textarea className='textarea' value={text} maxlength={MAX_TEXT} placeholder={TEXT_HINTS[side]} onInput={(e) => setText(e.detail.value)} />
      </Field>
      <Button className='btn btn--primary btn--block' disabled={busy} onClick={rate}>
        {busy ? '正在提交…' : '提交评价'}
      </Button>
    </View>
  );
}

function OrderRatingItem({ rating, canHide, onHidden }: { rating: OrderRatingDto; canHide: boolean; onHidden: () => void }) {
  const labels = ORDER_RATING_DIMENSIONS[rating.side];
  return (
    <View className='card' data-order-rating={rating.side}>
      <View className='card__title'>{SIDE_TITLES[rating.side]}</View>
      <View className='rating-item__head'>
        <Stars stars={rating.stars} />
        <View className='card__meta'>
          {rating.authorName} · {formatDateTime(rating.createdAt)}
        </View>
      </View>
      <View className='rating-dims'>
        {Object.entries(rating.scores).map(([key, stars]) => (
          <View key={key}>
            {labels[key] ?? key} {stars}星
          </View>
        ))}
      </View>
      {rating.text && <View className='rating-item__text'>{rating.text}</View>}
      {rating.hidden && <View className='rating-item__hidden'>这条评价已被审核员隐藏，不再计入评分</View>}
      {canHide && !rating.hidden && (
        <View className='spaced'>
          <ReasonAction
            label='隐藏'
            prompt='隐藏原因'
            placeholder='例如：含有辱骂对方的内容'
            onSubmit={async (reason) => {
              await hideOrderRating(rating.id, reason);
              void Taro.showToast({ title: '已隐藏，这条评价不再计分', icon: 'none' });
              onHidden();
            }}
          />
        </View>
      )}
    </View>
  );
}

/**
 * 服务评价, once the service is confirmed: the hall's manager rates the provider, the provider rates the hall,
 * each once; both sides and the region's reviewers read them, and a reviewer can hide an abusive one.
 */
export function OrderRatings({ order, managesHall }: { order: OrderDto; managesHall: boolean }) {
  const me = useAuthStore((state) => state.me);
  const inProvider = me?.roles.includes('provider') === true && me.scopes.provider?.id === order.provider.id;
  const oversees = me?.roles.some((role) => role === 'reviewer' || role === 'admin') === true;
  const visible = order.status === 'confirmed' && (managesHall || inProvider || oversees);
  const ratings = useAsync(() => (visible ? listOrderRatings(order.id) : Promise.resolve([])), [order.id, visible]);
  if (!visible) return null;
  const mySides: OrderRatingSide[] = [...(managesHall ? (['hall'] as const) : []), ...(inProvider ? (['provider'] as const) : [])];

  return (
    <View className='section'>
      <View className='section__title'>服务评价</View>
      <AsyncContent state={ratings}>
        {(list) => (
          <>
            {mySides
              .filter((side) => !list.some((rating) => rating.side === side))
              .map((side) => (
                <OrderRatingForm key={side} order={order} side={side} onSaved={ratings.refresh} />
              ))}
            {list.length === 0 && mySides.length === 0 && <View className='card card__meta'>双方都还没有评价</View>}
            {list.map((rating) => (
              <OrderRatingItem key={rating.id} rating={rating} canHide={oversees} onHidden={ratings.refresh} />
            ))}
            {list.length > 0 && !list.some((r) => r.side === 'hall') && !mySides.includes('hall') && <View className='card__meta'>礼堂还没有评价服务方</View>}
            {list.length > 0 && !list.some((r) => r.side === 'provider') && !mySides.includes('provider') && <View className='card__meta'>服务方还没有评价礼堂</View>}
          </>
        )}
      </AsyncContent>
    </View>
  );
}
