import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Image, Input, Picker, Textarea, View } from '@tarojs/components';
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  CATEGORIES,
  CATEGORY_LABELS,
  COST_LABELS,
  COST_TYPES,
  ErrorCode,
  WEEKDAY_LABELS,
  type MeResponse,
  type ProjectDetailDto,
  type ProjectDto,
  type RegionDto,
} from '@hall-menu/shared';
import { ApiError, errorMessage } from '../../../../api/api-error';
import { mediaUrl } from '../../../../api/media';
import { createProject, fireProjectEvent, getProject, updateProject } from '../../../../api/projects';
import { getProvider } from '../../../../api/providers';
import { uploadPhoto } from '../../../../api/uploads';
import { ChipGroup } from '../../../../components/Chips';
import { Field, FormError } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { AsyncContent, EmptyState } from '../../../../components/StateViews';
import { useAsync } from '../../../../hooks/use-async';
import { projectUrl } from '../../../../routes';
import { HOME_CITY_CODE, useRegionStore } from '../../../../stores/regions';
import { beijingToday, formatDate } from '../../../../utils/format';
import { useForm, withoutErrorsOf, type FieldErrors } from '../../../../utils/form-errors';
import {
  draftFromContent,
  emptyDraft,
  MAX_BLACKOUTS,
  MAX_PHOTOS,
  MAX_TIME_WINDOWS,
  nextTimeWindow,
  validateDraft,
  type ProjectDraft,
} from './form-model';

interface FormStart {
  /** The project being edited; null for a new declaration. */
  project: ProjectDetailDto | null;
  draft: ProjectDraft;
  counties: RegionDto[];
}

/** A new declaration starts with the organisation's own service area; an edit with the content to change. */
async function loadStart(id: number | null, providerId: number): Promise<FormStart> {
  const counties = useRegionStore.getState().loadCounties();
  if (id === null) {
    const provider = await getProvider(providerId);
    return { project: null, draft: emptyDraft(provider.serviceArea), counties: await counties };
  }
  const project = await getProject(id);
  // A published project with an edit in review, or one sent back: continue that edit rather than start over.
  const revision = project.status === 'published' ? project.pendingRevision?.content : undefined;
  return { project, draft: draftFromContent(revision ?? project), counties: await counties };
}

/** Of several rows' messages, the first one (a row has a start and an end, a from and a to). */
const rowError = (errors: FieldErrors, field: string, index: number, parts: string[]) =>
  parts.map((part) => errors[`${field}.${index}.${part}`]).find(Boolean) ?? errors[`${field}.${index}`];

function ProjectForm({ start }: { start: FormStart }) {
  const { project, counties } = start;
  const [draft, setDraft] = useState<ProjectDraft>(start.draft);
  const { errors, setErrors, failure, clearFailure, showInvalid, showFailure } = useForm();
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [uploading, setUploading] = useState(0);
  /** Set once a new project is saved, so a second press updates it instead of declaring it twice. */
  const [savedId, setSavedId] = useState<number | null>(project?.id ?? null);
  const regionNames = useRegionStore((state) => state.byCode);
  const today = beijingToday();

  const published = project?.status === 'published';
  const change = (patch: Partial<ProjectDraft>, ...fields: string[]) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => [...Object.keys(patch), ...fields].reduce(withoutErrorsOf, current));
  };

  async function addPhotos() {
    const room = MAX_PHOTOS - draft.photos.length;
    if (room <= 0 || uploading > 0) return;
    let paths: string[];
    try {
      paths = (await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFilePaths;
    } catch {
      return; // the person closed the picker
    }
    paths = paths.slice(0, room);
    setUploading(paths.length);
    setErrors((current) => withoutErrorsOf(current, 'photos'));
    for (const path of paths) {
      try {
        const { url } = await uploadPhoto(path);
        setDraft((current) => ({ ...current, photos: [...current.photos, url].slice(0, MAX_PHOTOS) }));
      } catch (error) {
        setErrors((current) => ({ ...current, photos: errorMessage(error) }));
      } finally {
        setUploading((left) => left - 1);
      }
    }
  }

  function setServiceArea(values: string[]) {
    // 全市 covers every county: picking it replaces them, picking a county replaces it.
    const added = values.find((code) => !draft.serviceArea.includes(code));
    change({ serviceArea: added === HOME_CITY_CODE ? [HOME_CITY_CODE] : values.filter((code) => code !== HOME_CITY_CODE) });
  }

  function leave(saved: ProjectDto) {
    if (project && Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: projectUrl(saved.id) });
  }

  async function save(submit: boolean) {
    if (busy || uploading > 0) return;
    const checked = validateDraft(draft);
    if (!checked.ok) return showInvalid(checked.errors);
    setBusy(submit ? 'submit' : 'draft');
    clearFailure();
    let saved: ProjectDto | null = null;
    try {
      saved = savedId ? await updateProject(savedId, checked.content) : await createProject(checked.content);
      setSavedId(saved.id);
      // Which event sends it to review (提交 for a draft, 重新提交 after 退回 or 下架) comes from the server.
      const event = saved.allowedActions.find((e) => e === 'submit' || e === 'resubmit');
      if (submit && event) saved = await fireProjectEvent(saved.id, event);
      void Taro.showToast({
        title: published ? '修改已提交审核' : submit ? '已提交审核' : '草稿已保存',
        icon: 'success',
      });
      leave(saved);
    } catch (error) {
      showFailure(error, saved && submit ? '内容已保存为草稿，但提交审核没有成功：' : '');
    } finally {
      setBusy(null);
    }
  }

  const areaOptions = [
    { value: HOME_CITY_CODE, label: `全市（${regionNames[HOME_CITY_CODE]?.name ?? '温州市'}）` },
    ...counties.map((county) => ({ value: county.code, label: county.name })),
    // An earlier choice outside this list (a township, another city) is kept and can be removed.
    ...draft.serviceArea
      .filter((code) => code !== HOME_CITY_CODE && !counties.some((county) => county.code === code))
      .map((code) => ({ value: code, label: regionNames[code]?.name ?? `地区${code}` })),
  ];

  return (
    <View className='form'>
      {published && (
        <View className='notice'>
          修改将提交审核，审核通过前菜单上仍显示原内容。
          {project.pendingRevision?.status === 'pending_review' && '您已有一份修改在审核中，下面是那份修改，再次提交会替换它。'}
          {project.pendingRevision?.status === 'rejected' &&
            `上次的修改未通过${project.pendingRevision.reason ? `（${project.pendingRevision.reason}）` : ''}，下面是那份修改，改好后可以再次提交。`}
        </View>
      )}

      <View className='section'>
        <Field label='服务类别' required error={errors.category}>
          <ChipGroup
            options={CATEGORIES.map((category) => ({ value: category, label: CATEGORY_LABELS[category] }))}
            value={draft.category}
            onChange={(category) => category && change({ category })}
          />
        </Field>

        <Field label='项目名称' required hint='4 到 40 个字，让礼堂一看就懂' error={errors.title}>
          <Input className='input' value={draft.title} maxlength={40} placeholder='例如：越剧经典折子戏专场' onInput={(e) => change({ title: e.detail.value })} />
        </Field>

        <Field label='项目介绍' required hint='至少 20 个字：演什么、讲什么，有什么特色' error={errors.description}>
          <Textarea
            className='textarea textarea--tall'
            value={draft.description}
            maxlength={2000}
            placeholder='介绍节目内容、演员阵容、互动环节等'
            onInput={(e) => change({ description: e.detail.value })}
          />
          <View className='field__hint field__count'>{draft.description.trim().length} / 2000 字</View>
        </Field>

        <Field label='照片' hint={`最多 ${MAX_PHOTOS} 张，第一张作为封面`} error={errors.photos}>
          <View className='photo-grid'>
            {draft.photos.map((url, index) => (
              <View key={url} className='photo-grid__item'>
                <Image className='photo-grid__image' src={mediaUrl(url)} mode='aspectFill' />
                {index === 0 ? (
                  <View className='photo-grid__cover'>封面</View>
                ) : (
                  <Button className='btn btn--small' onClick={() => change({ photos: [url, ...draft.photos.filter((p) => p !== url)] })}>
                    设为封面
                  </Button>
                )}
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

        <Field label='时长（分钟）' required hint='15 到 480 分钟' error={errors.durationMinutes}>
          <Input className='input' type='number' value={draft.durationMinutes} maxlength={3} placeholder='例如 90' onInput={(e) => change({ durationMinutes: e.detail.value })} />
        </Field>

        <Field label='观众人数' required hint='适合的观众人数范围' error={errors.audienceMin ?? errors.audienceMax}>
          <View className='range-row'>
            <Input
              className='input range-row__input'
              type='number'
              value={draft.audienceMin}
              maxlength={4}
              placeholder='最少'
              onInput={(e) => change({ audienceMin: e.detail.value }, 'audienceMax')}
            />
            <View className='range-row__to'>至</View>
            <Input
              className='input range-row__input'
              type='number'
              value={draft.audienceMax}
              maxlength={4}
              placeholder='最多'
              onInput={(e) => change({ audienceMax: e.detail.value }, 'audienceMin')}
            />
            <View className='range-row__to'>人</View>
          </View>
        </Field>

        <Field label='适合人群' required error={errors.targetAudience}>
          <ChipGroup
            options={AUDIENCES.map((audience) => ({ value: audience, label: AUDIENCE_LABELS[audience] }))}
            value={draft.targetAudience}
            onChange={(targetAudience) => targetAudience && change({ targetAudience })}
          />
        </Field>

        <Field label='场地要求' hint='需要礼堂准备的：舞台、电源、幕布、桌椅等' error={errors.requirements}>
          <Textarea
            className='textarea'
            value={draft.requirements}
            maxlength={500}
            placeholder='没有特殊要求可以不填'
            onInput={(e) => change({ requirements: e.detail.value })}
          />
        </Field>

        <Field label='服务区域' required hint='可以去哪些县(市、区)的礼堂服务，可多选' error={errors.serviceArea}>
          <ChipGroup multiple options={areaOptions} values={draft.serviceArea} onChange={setServiceArea} />
        </Field>

        <Field label='可服务日' required hint='每周哪几天可以来，可多选' error={errors.weekdays}>
          <ChipGroup
            multiple
            compact
            options={[1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: day, label: WEEKDAY_LABELS[day] }))}
            values={draft.weekdays}
            onChange={(weekdays) => change({ weekdays })}
          />
        </Field>

        <Field label='可服务时段' required hint={`最多 ${MAX_TIME_WINDOWS} 个时段`} error={errors.timeWindows}>
          {draft.timeWindows.map((window, index) => {
            const setWindow = (patch: Partial<typeof window>) =>
              change({ timeWindows: draft.timeWindows.map((w, i) => (i === index ? { ...w, ...patch } : w)) });
            return (
              <View key={index} className='row-item'>
                <View className='range-row'>
                  <Picker mode='time' value={window.start} onChange={(e) => setWindow({ start: String(e.detail.value) })}>
                    <View className='filter-button'>从 {window.start || '请选择'}</View>
                  </Picker>
                  <Picker mode='time' value={window.end} onChange={(e) => setWindow({ end: String(e.detail.value) })}>
                    <View className='filter-button'>到 {window.end || '请选择'}</View>
                  </Picker>
                  {draft.timeWindows.length > 1 && (
                    <Button className='btn btn--small' onClick={() => change({ timeWindows: draft.timeWindows.filter((_, i) => i !== index) })}>
                      删除
                    </Button>
                  )}
                </View>
                {rowError(errors, 'timeWindows', index, ['start', 'end']) && (
                  <View className='form-error'>{rowError(errors, 'timeWindows', index, ['start', 'end'])}</View>
                )}
              </View>
            );
          })}
          {draft.timeWindows.length < MAX_TIME_WINDOWS && (
            <Button className='btn btn--block' onClick={() => change({ timeWindows: [...draft.timeWindows, nextTimeWindow(draft.timeWindows)] })}>
              添加时段
            </Button>
          )}
        </Field>

        <Field label='提前预约天数' required hint='礼堂至少要提前几天点单，0 到 90 天' error={errors.leadDays}>
          <Input className='input' type='number' value={draft.leadDays} maxlength={2} placeholder='例如 7' onInput={(e) => change({ leadDays: e.detail.value })} />
        </Field>

        <Field label='不可服务日期' hint='农忙、演出季等不能来的日子，可不填' error={errors.blackoutDates}>
          {draft.blackoutDates.map((range, index) => {
            const setRange = (patch: Partial<typeof range>) =>
              change({ blackoutDates: draft.blackoutDates.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
            return (
              <View key={index} className='row-item'>
                <View className='range-row'>
                  <Picker mode='date' value={range.from} onChange={(e) => setRange({ from: String(e.detail.value) })}>
                    <View className='filter-button'>{formatDate(range.from)}</View>
                  </Picker>
                  <View className='range-row__to'>至</View>
                  <Picker mode='date' value={range.to} onChange={(e) => setRange({ to: String(e.detail.value) })}>
                    <View className='filter-button'>{formatDate(range.to)}</View>
                  </Picker>
                  <Button className='btn btn--small' onClick={() => change({ blackoutDates: draft.blackoutDates.filter((_, i) => i !== index) })}>
                    删除
                  </Button>
                </View>
                {rowError(errors, 'blackoutDates', index, ['from', 'to']) && (
                  <View className='form-error'>{rowError(errors, 'blackoutDates', index, ['from', 'to'])}</View>
                )}
              </View>
            );
          })}
          {draft.blackoutDates.length < MAX_BLACKOUTS && (
            <Button className='btn btn--block' onClick={() => change({ blackoutDates: [...draft.blackoutDates, { from: today, to: today }] })}>
              添加不可服务日期
            </Button>
          )}
        </Field>

        <Field label='费用' required error={errors.cost}>
          <ChipGroup
            options={COST_TYPES.map((cost) => ({ value: cost, label: COST_LABELS[cost] }))}
            value={draft.cost}
            onChange={(cost) => cost && change({ cost }, 'costNote')}
          />
        </Field>

        <Field label='费用说明' required={draft.cost !== 'free'} hint='需要礼堂承担的费用和项目，例如：交通费 300 元' error={errors.costNote}>
          <Textarea className='textarea' value={draft.costNote} maxlength={200} placeholder='免费项目可不填' onInput={(e) => change({ costNote: e.detail.value })} />
        </Field>
      </View>

      <View className='section'>
        <FormError message={failure} />
        {published ? (
          <Button className='btn btn--primary btn--block' disabled={busy !== null || uploading > 0} onClick={() => save(false)}>
            {busy ? '正在提交…' : '提交修改'}
          </Button>
        ) : (
          <>
            <Button className='btn btn--primary btn--block' disabled={busy !== null || uploading > 0} onClick={() => save(true)}>
              {busy === 'submit' ? '正在提交…' : '保存并提交审核'}
            </Button>
            <Button className='btn btn--block' disabled={busy !== null || uploading > 0} onClick={() => save(false)}>
              {busy === 'draft' ? '正在保存…' : '保存草稿'}
            </Button>
          </>
        )}
      </View>
    </View>
  );
}

/** Why an existing project cannot be edited here, or null when it can. */
function notEditable(project: ProjectDetailDto): { title: string; hint: string } | null {
  if (project.status === 'pending_review') return { title: '项目正在审核中', hint: '审核结果出来后才能修改' };
  if (project.status === 'archived') return { title: '项目已归档', hint: '已归档的项目不能再修改' };
  if (!project.editable) return { title: '您不能修改这个项目', hint: '只有该服务方的成员可以修改' };
  return null;
}

function FormLoader({ me, id }: { me: MeResponse; id: number | null }) {
  const providerId = me.scopes.provider?.id;
  useEffect(() => {
    if (id !== null) void Taro.setNavigationBarTitle({ title: '修改服务项目' });
  }, [id]);
  const start = useAsync(
    () => (providerId ? loadStart(id, providerId) : Promise.reject(new ApiError(ErrorCode.OutOfScope, '您还没有加入服务方组织，请联系组织负责人或审核员', 403))),
    [id, providerId],
  );
  return (
    <AsyncContent state={start}>
      {(loaded) => {
        const blocked = loaded.project && notEditable(loaded.project);
        return blocked ? <EmptyState title={blocked.title} hint={blocked.hint} /> : <ProjectForm start={loaded} />;
      }}
    </AsyncContent>
  );
}

export default function ProjectFormPage() {
  const raw = useRouter().params.id;
  const id = raw && Number(raw) > 0 ? Number(raw) : null;
  return (
    <PageShell>
      <RoleGate role='provider'>{(me) => <FormLoader me={me} id={id} />}</RoleGate>
    </PageShell>
  );
}
