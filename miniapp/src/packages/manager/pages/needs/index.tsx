import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Input, Picker, Textarea, View } from '@tarojs/components';
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  CATEGORIES,
  CATEGORY_LABELS,
  needInputSchema,
  type Audience,
  type Category,
  type MeResponse,
} from '@hall-menu/shared';
import { createNeed, listNeeds } from '../../../../api/needs';
import { ChipGroup } from '../../../../components/Chips';
import { Field, FormError } from '../../../../components/Field';
import { NeedCard } from '../../../../components/NeedCard';
import { PagedContent } from '../../../../components/PagedContent';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { EmptyState } from '../../../../components/StateViews';
import { usePagedList } from '../../../../hooks/use-paged';
import { needUrl } from '../../../../routes';
import { addDays, beijingToday, formatDate } from '../../../../utils/format';
import { useForm } from '../../../../utils/form-errors';

/** 发布需求: what the hall wants when the menu lacks it. */
function NeedForm({ me, onCancel }: { me: MeResponse; onCancel: () => void }) {
  const halls = me.scopes.halls;
  const today = beijingToday();
  const [hallId, setHallId] = useState<number | null>(halls.length === 1 ? halls[0].id : null);
  const [category, setCategory] = useState<Category | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  // Providers need notice: start a week out and leave a month to find someone.
  const [periodFrom, setPeriodFrom] = useState(() => addDays(today, 7));
  const [periodTo, setPeriodTo] = useState(() => addDays(today, 37));
  const [audience, setAudience] = useState('');
  const [targetAudience, setTargetAudience] = useState<Audience>('all');
  const { errors, failure, busy, submit } = useForm();

  const publish = () =>
    submit(
      needInputSchema.safeParse({
        hallId: hallId ?? undefined,
        category: category ?? undefined,
        title,
        description,
        periodFrom,
        periodTo,
        expectedAudience: audience.trim() === '' ? undefined : Number(audience),
        targetAudience,
      }),
      async (input) => {
        const need = await createNeed(input);
        void Taro.showToast({ title: '需求已发布', icon: 'success' });
        void Taro.navigateTo({ url: needUrl(need.id) });
        onCancel();
      },
    );

  return (
    <View className='section'>
      <View className='section__title'>发布需求</View>
      <FormError message={failure} />
      {halls.length > 1 && (
        <Field label='哪个礼堂' required error={errors.hallId}>
          <ChipGroup options={halls.map((h) => ({ value: h.id, label: h.name }))} value={hallId} onChange={setHallId} />
        </Field>
      )}
      <Field label='想要的服务类别' required error={errors.category}>
        <ChipGroup options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} value={category} onChange={setCategory} />
      </Field>
      <Field label='一句话说明' required hint='4 到 40 个字' error={errors.title}>
        <Input className='input' value={title} maxlength={40} placeholder='例如：想看一场越剧《红楼梦》' onInput={(e) => setTitle(e.detail.value)} />
      </Field>
      <Field label='详细说明' error={errors.description}>
        <Textarea className='textarea' value={description} maxlength={500} placeholder='村民的想法、场地情况等' onInput={(e) => setDescription(e.detail.value)} />
      </Field>
      <Field label='希望的时间段' required error={errors.periodFrom ?? errors.periodTo}>
        <View className='range-row'>
          <Picker
            mode='date'
            value={periodFrom}
            start={today}
            onChange={(e) => {
              const from = String(e.detail.value);
              setPeriodFrom(from);
              if (periodTo < from) setPeriodTo(from);
            }}
          >
            <View className='filter-button'>从 {formatDate(periodFrom)}</View>
          </Picker>
          <Picker mode='date' value={periodTo} start={periodFrom} onChange={(e) => setPeriodTo(String(e.detail.value))}>
            <View className='filter-button'>到 {formatDate(periodTo)}</View>
          </Picker>
        </View>
      </Field>
      <Field label='预计人数' required error={errors.expectedAudience}>
        <Input className='input' type='number' value={audience} maxlength={4} placeholder='例如 100' onInput={(e) => setAudience(e.detail.value)} />
      </Field>
      <Field label='主要观众' error={errors.targetAudience}>
        <ChipGroup options={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))} value={targetAudience} onChange={(a) => a && setTargetAudience(a)} />
      </Field>
      <View className='button-row'>
        <Button className='btn' disabled={busy} onClick={onCancel}>
          取消
        </Button>
        <Button className='btn btn--primary' disabled={busy} onClick={publish}>
          {busy ? '正在发布…' : '发布'}
        </Button>
      </View>
    </View>
  );
}

function ManagerNeeds({ me }: { me: MeResponse }) {
  const [writing, setWriting] = useState(false);
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((n) => n + 1));
  const list = usePagedList((page) => listNeeds({ page, pageSize: 20 }), (need) => need.id, [visit]);

  if (writing) return <NeedForm me={me} onCancel={() => setWriting(false)} />;
  return (
    <>
      <View className='section'>
        <Button className='btn btn--primary btn--block' onClick={() => setWriting(true)}>
          发布需求
        </Button>
      </View>
      <View className='section'>
        <View className='section__title'>我的礼堂的需求</View>
        <PagedContent list={list} empty={<EmptyState title='还没有需求' hint='菜单上找不到想要的服务时，可以发布需求' />}>
          {(needs) => needs.map((need) => <NeedCard key={need.id} need={need} />)}
        </PagedContent>
      </View>
    </>
  );
}

export default function ManagerNeedsPage() {
  return (
    <PageShell>
      <RoleGate role='hall_manager'>{(me) => <ManagerNeeds me={me} />}</RoleGate>
    </PageShell>
  );
}
