import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Textarea, View } from '@tarojs/components';
import { ErrorCode, eventRatingSchema, type EventDetailDto, type EventRatingDto } from '@hall-menu/shared';
import { ApiError, errorMessage } from '../../api/api-error';
import { mediaUrl } from '../../api/media';
import { hideEventRating, listEventRatings, rateEvent, updateEventRating } from '../../api/ratings';
import { uploadPhoto } from '../../api/uploads';
import { Field, FormError } from '../../components/Field';
import { ReasonAction } from '../../components/ReasonAction';
import { StarInput, Stars } from '../../components/StarRating';
import { AsyncContent, EmptyState } from '../../components/StateViews';
import { useAsync } from '../../hooks/use-async';
import { useAuthStore } from '../../stores/auth';
import { formatDateTime } from '../../utils/format';
import { errorsFromZod, useForm } from '../../utils/form-errors';

const MAX_TEXT = 300;

/** 评价这场活动: stars, words and a photo; a second submission within 7 days changes the rating. */
function RatingForm({ eventId, previous, editing, onSaved, onCancel }: { eventId: number; previous: EventRatingDto | null; editing: boolean; onSaved: (rating: EventRatingDto) => void; onCancel: () => void }) {
  const [stars, setStars] = useState(previous?.stars ?? 0);
  const [text, setText] = useState(previous?.text ?? '');
  const [photo, setPhoto] = useState<string | null>(previous?.photo ?? null);
  const [update, setUpdate] = useState(editing);
  const [uploading, setUploading] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { errors, setErrors, failure, busy, send, showInvalid } = useForm();

  async function addPhoto() {
    if (uploading) return;
    let path: string | undefined;
    try {
      path = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFilePaths[0];
    } catch {
      return; // the person closed the picker
    }
    if (!path) return;
    setUploading(true);
    try {
      setPhoto((await uploadPhoto(path)).url);
      setErrors((current) => ({ ...current, photo: '' }));
    } catch (error) {
      setErrors((current) => ({ ...current, photo: errorMessage(error) }));
    } finally {
      setUploading(false);
    }
  }

  function save() {
    if (busy || uploading) return;
    const checked = eventRatingSchema.safeParse({ stars: stars || undefined, text, photo });
    if (!checked.success) return showInvalid(errorsFromZod(checked.error), null);
    // On any other refusal the words stay in the box, so a blocked word can be changed without typing everything again.
    return send(async () => {
      try {
        onSaved(update ? await updateEventRating(eventId, checked.data) : await rateEvent(eventId, checked.data));
      } catch (error) {
        if (!(error instanceof ApiError && error.code === ErrorCode.AlreadyRated)) throw error;
        // Rated before (e.g. on another phone): the same form now changes that rating, once the villager agrees.
        setUpdate(true);
        setNotice('您已经评价过这场活动了。再点一次“保存修改”，就会用现在填写的内容替换原来的评价。');
      }
    });
  }

  return (
    <View className='card rating-form'>
      <View className='card__title'>{update ? '修改评价' : '评价这场活动'}</View>
      {notice && <View className='notice notice--inline'>{notice}</View>}
      <FormError message={failure} />
      <Field label='打分' required error={errors.stars}>
        <StarInput
          label='给这场活动打分'
          value={stars}
          onChange={(value) => {
            setStars(value);
            setErrors((current) => ({ ...current, stars: '' }));
          }}
        />
      </Field>
      <Field label='说说感受' hint={`选填，最多 ${MAX_TEXT} 个字，其他村民会看到`} error={errors.text}>
        <Textarea
          className='textarea'
          value={text}
          maxlength={MAX_TEXT}
          placeholder='例如：节目精彩，老人孩子都爱看'
          onInput={(e) => {
            setText(e.detail.value);
            setErrors((current) => ({ ...current, text: '' }));
          }}
        />
        <View className='field__count'>
          {text.length}/{MAX_TEXT}
        </View>
      </Field>
      <Field label='现场照片' hint='选填，一张' error={errors.photo}>
        {photo ? (
          <View className='photo-grid__item'>
            <Image className='photo-grid__image' src={mediaUrl(photo)} mode='aspectFill' />
            <Button className='btn btn--small' onClick={() => setPhoto(null)}>
              删除照片
            </Button>
          </View>
        ) : (
          <Button className='btn btn--block' disabled={uploading} onClick={addPhoto}>
            {uploading ? '正在上传…' : '添加照片'}
          </Button>
        )}
      </Field>
      <View className='button-row'>
        <Button className='btn' disabled={busy} onClick={onCancel}>
          返回
        </Button>
        <Button className='btn btn--primary' disabled={busy || uploading} onClick={save}>
          {busy ? '正在提交…' : update ? '保存修改' : '提交评价'}
        </Button>
      </View>
    </View>
  );
}

function RatingItem({ rating, canHide, onHidden }: { rating: EventRatingDto; canHide: boolean; onHidden: () => void }) {
  return (
    <View className='rating-item' data-rating-id={rating.id}>
      <View className='rating-item__head'>
        <Stars stars={rating.stars} />
        <View className='card__meta'>
          {rating.authorName} · {formatDateTime(rating.createdAt)}
        </View>
      </View>
      {rating.text && <View className='rating-item__text'>{rating.text}</View>}
      {rating.photo && (
        <Image
          className='rating-item__photo'
          src={mediaUrl(rating.photo)}
          mode='aspectFill'
          onClick={() => Taro.previewImage({ urls: [mediaUrl(rating.photo!)], current: mediaUrl(rating.photo!) })}
        />
      )}
      {canHide && (
        <View className='spaced'>
          <ReasonAction
            label='隐藏'
            prompt='隐藏原因'
            placeholder='例如：含有辱骂他人的内容'
            onSubmit={async (reason) => {
              await hideEventRating(rating.id, reason);
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
 * 村民评价: villagers who were checked in rate the event (去评价, then 修改评价 for 7 days); the event detail carries
 * the viewer's own rating, so every phone of theirs shows 我的评价 instead of 去评价. Everyone reads the published
 * ratings; the region's reviewers hide an abusive one with a reason.
 */
export function EventRatings({ event }: { event: EventDetailDto }) {
  const me = useAuthStore((state) => state.me);
  const ratings = useAsync(() => listEventRatings(event.id), [event.id]);
  const attended = event.myReservation?.status === 'checked_in' && me?.roles.includes('villager') === true;
  const canHide = me?.roles.some((role) => role === 'reviewer' || role === 'admin') === true;
  // What this page just saved is newer than the detail it was opened with.
  const [saved, setSaved] = useState<EventRatingDto | null>(null);
  const mine = saved ?? event.myRating;
  const [writing, setWriting] = useState(false);
  const editable = mine !== null && !mine.hidden && Date.now() <= Date.parse(mine.editableUntil);

  function onSaved(rating: EventRatingDto) {
    setSaved(rating);
    setWriting(false);
    void Taro.showToast({ title: mine ? '评价已修改' : '感谢您的评价', icon: 'none' });
    ratings.refresh();
  }

  return (
    <View className='section'>
      <View className='section__title'>
        村民评价
        {ratings.status === 'success' && ratings.data.length > 0 && <View className='section__note'>共 {ratings.data.length} 条</View>}
      </View>
      {writing ? (
        <RatingForm eventId={event.id} previous={mine} editing={mine !== null} onSaved={onSaved} onCancel={() => setWriting(false)} />
      ) : mine ? (
        <View className='card' data-my-rating={mine.id}>
          <View className='card__meta'>我的评价</View>
          <Stars stars={mine.stars} />
          {mine.text && <View className='rating-item__text'>{mine.text}</View>}
          {mine.hidden ? (
            <View className='card__meta'>这条评价已被审核员隐藏，不再计分，也不能修改了</View>
          ) : editable ? (
            <>
              <View className='card__meta'>{formatDateTime(mine.editableUntil)} 前可以修改</View>
              <Button className='btn btn--block' onClick={() => setWriting(true)}>
                修改评价
              </Button>
            </>
          ) : (
            <View className='card__meta'>评价超过 7 天，不能再修改了</View>
          )}
        </View>
      ) : (
        attended && (
          <View className='card'>
            <View className='card__meta'>您参加了这场活动，说说感受吧，服务方和礼堂会看到，也帮其他村民挑选节目。</View>
            <Button className='btn btn--primary btn--block' onClick={() => setWriting(true)}>
              去评价
            </Button>
          </View>
        )
      )}
      <View className='card'>
        <AsyncContent state={ratings} isEmpty={(list) => list.length === 0} empty={<EmptyState title='还没有村民评价' hint='到场签到的村民可以评价' />}>
          {(list) =>
            list.map((rating) => <RatingItem key={rating.id} rating={rating} canHide={canHide} onHidden={ratings.refresh} />)
          }
        </AsyncContent>
      </View>
    </View>
  );
}
