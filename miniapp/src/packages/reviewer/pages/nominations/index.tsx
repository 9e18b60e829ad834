import { useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Image, Input, Textarea, View } from '@tarojs/components';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  NOMINATION_STATE_LABELS,
  nominationInputSchema,
  PROVIDER_KIND_LABELS,
  PROVIDER_KINDS,
  type Category,
  type HallDto,
  type MeResponse,
  type NominationDto,
  type NominationState,
  type ProviderDto,
  type ProviderKind,
  type RegionDto,
} from '@hall-menu/shared';
import { errorMessage } from '../../../../api/api-error';
import { listHalls } from '../../../../api/halls';
import { mediaUrl } from '../../../../api/media';
import { actOnNomination, listNominations, nominate } from '../../../../api/nominations';
import { listProviders } from '../../../../api/providers';
import { listRegions } from '../../../../api/regions';
import { uploadPhoto } from '../../../../api/uploads';
import { ChipGroup } from '../../../../components/Chips';
import { Field, FormError } from '../../../../components/Field';
import { PagedContent } from '../../../../components/PagedContent';
import { PageShell } from '../../../../components/PageShell';
import { ReasonAction } from '../../../../components/ReasonAction';
import { RoleGate } from '../../../../components/RoleGate';
import { EmptyState } from '../../../../components/StateViews';
import { usePagedList } from '../../../../hooks/use-paged';
import { useFreshMe } from '../../../../hooks/use-fresh-me';
import { projectUrl } from '../../../../routes';
import { formatDateTime } from '../../../../utils/format';
import { errorsFromZod, useForm, type FieldErrors } from '../../../../utils/form-errors';
import { newIdempotencyKey } from '../../../../utils/idempotency';

const PAGE_SIZE = 10;
const MAX_PHOTOS = 9;

const STATE_TONES: Record<NominationState, string> = { nominated: 'waiting', confirmed: 'ok', declined: 'ended', withdrawn: 'ended' };

interface Draft {
  galaName: string;
  title: string;
  description: string;
  category: Category | null;
  performers: string;
  durationMinutes: string;
  photos: string[];
  village: RegionDto | null;
  hallId: number | null;
  providerMode: 'existing' | 'new';
  provider: ProviderDto | null;
  newProvider: { name: string; kind: ProviderKind; contactName: string; contactPhone: string };
}

const EMPTY_DRAFT: Draft = {
  galaName: '',
  title: '',
  description: '',
  category: null,
  performers: '',
  durationMinutes: '',
  photos: [],
  village: null,
  hallId: null,
  providerMode: 'existing',
  provider: null,
  newProvider: { name: '', kind: 'art_troupe', contactName: '', contactPhone: '' },
};

/** The request body from the form; the shared schema checks it here and again on the server. */
function toInput(draft: Draft) {
  return {
    galaName: draft.galaName,
    title: draft.title,
    description: draft.description,
    category: draft.category ?? undefined,
    performers: draft.performers,
    sourceVillageCode: draft.village?.code,
    sourceHallId: draft.hallId,
    photos: draft.photos,
    durationMinutes: draft.durationMinutes.trim() === '' ? undefined : Number(draft.durationMinutes),
    ...(draft.providerMode === 'existing' ? { providerId: draft.provider?.id } : { newProvider: draft.newProvider }),
  };
}

/** 来源村: found by name, then (optionally) the village's hall where the gala was held. */
function VillagePicker({ draft, change, error }: { draft: Draft; change: (patch: Partial<Draft>) => void; error?: string }) {
  const [keyword, setKeyword] = useState('');
  const [found, setFound] = useState<RegionDto[] | null>(null);
  const [halls, setHalls] = useState<HallDto[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  async function search() {
    const text = keyword.trim();
    if (!text) return setFailure('请输入村名，例如 鲍田');
    setFailure(null);
    try {
      setFound((await listRegions({ keyword: text })).filter((region) => region.level === 'village'));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }

  async function choose(village: RegionDto) {
    change({ village, hallId: null });
    setFound(null);
    try {
      const page = await listHalls({ region: village.code, page: 1, pageSize: 10 });
      setHalls(page.items);
      if (page.items.length === 1) change({ village, hallId: page.items[0].id });
    } catch {
      setHalls([]); // the hall is optional; the village alone is enough
    }
  }

  return (
    <Field label='节目来自哪个村' required hint='搜索村名后选择；有文化礼堂的会一并列出' error={error}>
      {draft.village ? (
        <View className='card__row'>
          <View>{draft.village.fullName}</View>
          <Button className='btn btn--small' onClick={() => change({ village: null, hallId: null })}>
            重新选择
          </Button>
        </View>
      ) : (
        <>
          <View className='search-row spaced'>
            <Input className='input search-row__input' value={keyword} maxlength={20} placeholder='输入村名，例如 鲍田' onInput={(e) => setKeyword(e.detail.value)} onConfirm={search} />
            <Button className='btn btn--primary search-row__button' onClick={search}>
              搜索
            </Button>
          </View>
          {failure && <View className='form-error'>{failure}</View>}
          {found && found.length === 0 && <View className='card__meta'>没有找到这个村，换个字试试</View>}
          {found && found.length > 0 && (
            <View className='option-list'>
              {found.map((village) => (
                <View key={village.code} className='option' onClick={() => choose(village)}>
                  <View className='option__title'>{village.name}</View>
                  <View className='option__meta'>{village.fullName}</View>
                </View>
              ))}
            </View>
          )}
        </>
      )}
      {draft.village && halls.length > 0 && (
        <View className='spaced'>
          <View className='field__hint'>在哪个礼堂演出（选填）</View>
          <ChipGroup options={halls.map((hall) => ({ value: hall.id, label: hall.name }))} value={draft.hallId} onChange={(hallId) => change({ hallId })} clearable />
        </View>
      )}
    </Field>
  );
}

/** 演出团队: an existing provider found by name, or a new one (the contact confirms by logging in with that phone). */
function ProviderPicker({ draft, change, errors }: { draft: Draft; change: (patch: Partial<Draft>) => void; errors: FieldErrors }) {
  const [keyword, setKeyword] = useState('');
  const [found, setFound] = useState<ProviderDto[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const setNew = (patch: Partial<Draft['newProvider']>) => change({ newProvider: { ...draft.newProvider, ...patch } });

  async function search() {
    const text = keyword.trim();
    if (!text) return setFailure('请输入服务方名称');
    setFailure(null);
    try {
      setFound((await listProviders({ keyword: text, page: 1, pageSize: 10 })).items);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }

  return (
    <>
      <Field label='演出团队' required error={errors.providerId}>
        <ChipGroup
          options={[
            { value: 'existing', label: '平台上已有的服务方' },
            { value: 'new', label: '新的团队' },
          ]}
          value={draft.providerMode}
          onChange={(mode) => mode && change({ providerMode: mode })}
        />
      </Field>
      {draft.providerMode === 'existing' ? (
        <Field label='选择服务方' required>
          {draft.provider ? (
            <View className='card__row'>
              <View>{draft.provider.name}</View>
              <Button className='btn btn--small' onClick={() => change({ provider: null })}>
                重新选择
              </Button>
            </View>
          ) : (
            <>
              <View className='search-row spaced'>
                <Input className='input search-row__input' value={keyword} maxlength={30} placeholder='输入服务方名称' onInput={(e) => setKeyword(e.detail.value)} onConfirm={search} />
                <Button className='btn btn--primary search-row__button' onClick={search}>
                  搜索
                </Button>
              </View>
              {failure && <View className='form-error'>{failure}</View>}
              {found && found.length === 0 && <View className='card__meta'>没有找到，可以改选“新的团队”</View>}
              {found && found.length > 0 && (
                <View className='option-list'>
                  {found.map((provider) => (
                    <View key={provider.id} className='option' onClick={() => change({ provider })}>
                      <View className='option__title'>{provider.name}</View>
                      <View className='option__meta'>{PROVIDER_KIND_LABELS[provider.kind]}</View>
                    </View>
                  ))}
                </View>
              )}
            </>
          )}
        </Field>
      ) : (
        <>
          <Field label='团队名称' required error={errors['newProvider.name']}>
            <Input className='input' value={draft.newProvider.name} maxlength={60} placeholder='例如：鲍田村老年腰鼓队' onInput={(e) => setNew({ name: e.detail.value })} />
          </Field>
          <Field label='团队类型' required error={errors['newProvider.kind']}>
            <ChipGroup options={PROVIDER_KINDS.map((kind) => ({ value: kind, label: PROVIDER_KIND_LABELS[kind] }))} value={draft.newProvider.kind} onChange={(kind) => kind && setNew({ kind })} />
          </Field>
          <Field label='联系人' required error={errors['newProvider.contactName']}>
            <Input className='input' value={draft.newProvider.contactName} maxlength={20} placeholder='例如：王大姐' onInput={(e) => setNew({ contactName: e.detail.value })} />
          </Field>
          <Field label='联系人手机号' required hint='对方用这个号码登录后，在“村晚节目提名”里确认上架' error={errors['newProvider.contactPhone']}>
            <Input className='input' type='number' value={draft.newProvider.contactPhone} maxlength={11} placeholder='11 位手机号' onInput={(e) => setNew({ contactPhone: e.detail.value })} />
          </Field>
        </>
      )}
    </>
  );
}

function NominationForm({ onDone, onCancel }: { onDone: (nomination: NominationDto) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const { errors, setErrors, failure, busy, send, showInvalid } = useForm();
  const [uploading, setUploading] = useState(0);
  // One key for this form: 提交 again after a failure (or a lost answer) cannot nominate twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  async function addPhotos() {
    const room = MAX_PHOTOS - draft.photos.length;
    if (room <= 0 || uploading > 0) return;
    let paths: string[];
    try {
      paths = (await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFilePaths.slice(0, room);
    } catch {
      return; // the person closed the picker
    }
    setUploading(paths.length);
    for (const path of paths) {
      try {
        const { url } = await uploadPhoto(path);
        setDraft((current) => ({ ...current, photos: [...current.photos, url].slice(0, MAX_PHOTOS) }));
      } catch (e) {
        setErrors((current) => ({ ...current, photos: errorMessage(e) }));
      } finally {
        setUploading((left) => left - 1);
      }
    }
  }

  function submit() {
    if (busy || uploading > 0) return;
    const checked = nominationInputSchema.safeParse(toInput(draft));
    if (!checked.success) {
      const found = errorsFromZod(checked.error);
      if (draft.providerMode === 'existing' && !draft.provider) found.providerId = '请搜索并选择一个服务方';
      return showInvalid(found, `还有 ${Object.keys(found).length} 处需要填写或修改`);
    }
    return send(async () => onDone(await nominate(checked.data, idempotencyKey)));
  }

  return (
    <View className='card'>
      <View className='card__title'>提名村晚节目</View>
      <View className='card__meta'>提名后节目作为“村晚”项目等待演出团队确认，确认后直接上架服务菜单。</View>
      <View className='spaced'>
        <Field label='村晚名称' required error={errors.galaName}>
          <Input className='input' value={draft.galaName} maxlength={60} placeholder='例如：2026年鲍田村村晚' onInput={(e) => change({ galaName: e.detail.value })} />
        </Field>
        <Field label='节目名称' required hint='4 到 40 个字' error={errors.title}>
          <Input className='input' value={draft.title} maxlength={40} placeholder='例如：腰鼓《红红火火过大年》' onInput={(e) => change({ title: e.detail.value })} />
        </Field>
        <Field label='节目类别' required error={errors.category}>
          <ChipGroup options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} value={draft.category} onChange={(category) => category && change({ category })} />
        </Field>
        <Field label='节目介绍' required hint='至少 20 个字：演什么，有什么特色' error={errors.description}>
          <Textarea
            className='textarea textarea--tall'
            value={draft.description}
            maxlength={1500}
            placeholder='例如：二十位大姐自编自演的腰鼓表演，节奏欢快，在村晚上最受欢迎'
            onInput={(e) => change({ description: e.detail.value })}
          />
        </Field>
        <Field label='演出人员' required error={errors.performers}>
          <Textarea className='textarea' value={draft.performers} maxlength={300} placeholder='例如：鲍田村腰鼓队 20 人' onInput={(e) => change({ performers: e.detail.value })} />
        </Field>
        <Field label='节目时长（分钟）' required error={errors.durationMinutes}>
          <Input className='input' type='number' value={draft.durationMinutes} maxlength={3} placeholder='例如 30' onInput={(e) => change({ durationMinutes: e.detail.value })} />
        </Field>
        <VillagePicker draft={draft} change={change} error={errors.sourceVillageCode} />
        <Field label='现场照片' hint={`选填，最多 ${MAX_PHOTOS} 张，第一张作封面`} error={errors.photos}>
          <View className='photo-grid'>
            {draft.photos.map((url) => (
              <View key={url} className='photo-grid__item'>
                <Image className='photo-grid__image' src={mediaUrl(url)} mode='aspectFill' />
                <Button className='btn btn--small' onClick={() => change({ photos: draft.photos.filter((p) => p !== url) })}>
                  删除
                </Button>
              </View>
            ))}
          </View>
          {draft.photos.length < MAX_PHOTOS && (
            <Button className='btn btn--block' disabled={uploading > 0} onClick={addPhotos}>
              {uploading > 0 ? `正在上传，还剩 ${uploading} 张…` : '添加照片'}
            </Button>
          )}
        </Field>
        <ProviderPicker draft={draft} change={change} errors={errors} />
      </View>
      <FormError message={failure} />
      <View className='button-row'>
        <Button className='btn' disabled={busy} onClick={onCancel}>
          返回
        </Button>
        <Button className='btn btn--primary' disabled={busy || uploading > 0} onClick={submit}>
          {busy ? '正在提交…' : '提交提名'}
        </Button>
      </View>
    </View>
  );
}

function NominationItem({ nomination, onChanged }: { nomination: NominationDto; onChanged: () => void }) {
  return (
    <View className='card' data-nomination={nomination.id}>
      <View className='card__head'>
        <View className='card__title' onClick={() => Taro.navigateTo({ url: projectUrl(nomination.project.id) })}>
          {nomination.project.title}
        </View>
        <View className={`status-tag status-tag--${STATE_TONES[nomination.status]}`}>{NOMINATION_STATE_LABELS[nomination.status]}</View>
      </View>
      <View className='card__meta'>
        {nomination.galaName} · {nomination.sourceVillage.name}
        {nomination.sourceHall && ` · ${nomination.sourceHall.name}`}
      </View>
      <View className='card__meta'>
        演出团队：{nomination.provider.name}
        {nomination.provider.createdForNomination && '（新团队）'} · 联系人 {nomination.provider.contactName} {nomination.provider.contactPhone}
      </View>
      <View className='card__meta'>
        {nomination.nominatedBy ?? '审核员'} {formatDateTime(nomination.nominatedAt)} 提名
        {nomination.decidedAt && `，${formatDateTime(nomination.decidedAt)} ${NOMINATION_STATE_LABELS[nomination.status]}`}
      </View>
      {nomination.reason && <View className='card__meta'>原因：{nomination.reason}</View>}
      {nomination.allowedActions.includes('withdraw') && (
        <View className='spaced'>
          <ReasonAction
            label='撤回提名'
            prompt='撤回原因'
            placeholder='例如：节目信息有误，需要重新提名'
            onSubmit={async (reason) => {
              await actOnNomination(nomination.id, 'withdraw', reason);
              void Taro.showToast({ title: '已撤回', icon: 'none' });
              onChanged();
            }}
          />
        </View>
      )}
    </View>
  );
}

function Nominations() {
  const [writing, setWriting] = useState(false);
  const list = usePagedList((page) => listNominations({ page, pageSize: PAGE_SIZE }), (n) => n.id, []);
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) list.reload();
    shownBefore.current = true;
  });

  return (
    <>
      <View className='section'>
        {writing ? (
          <NominationForm
            onCancel={() => setWriting(false)}
            onDone={() => {
              setWriting(false);
              void Taro.showToast({ title: '已提名，等待演出团队确认', icon: 'none' });
              list.reload();
            }}
          />
        ) : (
          <Button className='btn btn--primary btn--block' onClick={() => setWriting(true)}>
            提名村晚节目
          </Button>
        )}
      </View>
      <View className='section'>
        <View className='section__title'>
          提名记录
          <View className='section__note'>最近的在前</View>
        </View>
        <PagedContent list={list} unit='个' empty={<EmptyState title='还没有提名过节目' hint='把村晚上受欢迎的节目推荐上服务菜单' />}>
          {(items) => items.map((n) => <NominationItem key={n.id} nomination={n} onChanged={list.reload} />)}
        </PagedContent>
      </View>
    </>
  );
}

function ReviewerNominations({ me }: { me: MeResponse }) {
  if (!me.scopes.region) return <EmptyState title='还没有为您分配负责的地区' hint='请联系平台管理员' />;
  return <Nominations />;
}

export default function NominationsPage() {
  useFreshMe();
  return (
    <PageShell>
      <RoleGate role='reviewer'>{(me) => <ReviewerNominations me={me} />}</RoleGate>
    </PageShell>
  );
}
