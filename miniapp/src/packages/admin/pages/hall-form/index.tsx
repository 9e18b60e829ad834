import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, View } from '@tarojs/components';
import { HALL_FACILITIES, HALL_FACILITY_LABELS, type AdminHallDto } from '@hall-menu/shared';
import { createHall, getAdminHall, updateHall } from '../../../../api/admin';
import { ChipGroup } from '../../../../components/Chips';
import { Field, FormError } from '../../../../components/Field';
import { useAsync } from '../../../../hooks/use-async';
import { adminHallUrl } from '../../../../routes';
import { useForm } from '../../../../utils/form-errors';
import { AdminContent } from '../../components/AdminContent';
import { AdminPage, type Official } from '../../components/AdminPage';
import { RegionCascade } from '../../components/RegionCascade';
import { toastDone } from '../../components/actions';
import { draftFromHall, emptyHallDraft, validateHallDraft, type HallDraft } from './hall-draft';
import '../../admin.scss';

function HallForm({ official, hall }: { official: Official; hall: AdminHallDto | null }) {
  const [draft, setDraft] = useState<HallDraft>(hall ? draftFromHall(hall) : emptyHallDraft());
  const { errors, setErrors, failure, busy, send, showInvalid } = useForm();
  const change = (patch: Partial<HallDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key];
      return next;
    });
  };

  async function pickOnMap() {
    try {
      const place = await Taro.chooseLocation({});
      change({ latitude: place.latitude.toFixed(6), longitude: place.longitude.toFixed(6), ...(draft.address ? {} : { address: place.address }) });
    } catch {
      // The person closed the map.
    }
  }

  function save() {
    if (busy) return;
    const checked = validateHallDraft(draft);
    if (!checked.ok) return showInvalid(checked.errors);
    return send(async () => {
      const saved = hall ? await updateHall(hall.id, checked.input) : await createHall(checked.input);
      toastDone(hall ? '已保存' : '礼堂已新建');
      if (hall && Taro.getCurrentPages().length > 1) void Taro.navigateBack();
      else void Taro.redirectTo({ url: adminHallUrl(saved.id) });
    });
  }

  return (
    <View className='section admin-narrow'>
      <FormError message={failure} />
      <Field label='礼堂名称' required hint='2 到 40 个字' error={errors.name}>
        <Input className='input' value={draft.name} maxlength={40} placeholder='例如：鲍田村文化礼堂' onInput={(e) => change({ name: e.detail.value })} />
      </Field>
      <Field label='所在村（社区）' required hint={`在${official.region.name}范围内逐级选择，选到村`} error={errors.villageCode}>
        <RegionCascade rootCode={official.rootCode} value={draft.villageCode} deepest={12} onChange={(villageCode) => change({ villageCode })} />
      </Field>
      <Field label='地址' hint='门牌或位置说明，可不填' error={errors.address}>
        <Input className='input' value={draft.address} maxlength={100} placeholder='例如：村委会东侧 50 米' onInput={(e) => change({ address: e.detail.value })} />
      </Field>
      <Field label='位置' hint='纬度和经度，可不填；用于计算礼堂与服务方的距离' error={errors.latitude ?? errors.longitude}>
        <View className='range-row'>
          <Input className='input range-row__input' type='digit' value={draft.latitude} maxlength={12} placeholder='纬度' onInput={(e) => change({ latitude: e.detail.value })} />
          <Input className='input range-row__input' type='digit' value={draft.longitude} maxlength={12} placeholder='经度' onInput={(e) => change({ longitude: e.detail.value })} />
        </View>
        {process.env.TARO_ENV === 'weapp' && (
          <Button className='btn btn--block' onClick={pickOnMap}>
            在地图上选点
          </Button>
        )}
      </Field>
      <Field label='座位数' required hint='1 到 5000' error={errors.seats}>
        <Input className='input' type='number' value={draft.seats} maxlength={4} placeholder='例如 200' onInput={(e) => change({ seats: e.detail.value })} />
      </Field>
      <Field label='设施' hint='可多选' error={errors.facilities}>
        <ChipGroup multiple options={HALL_FACILITIES.map((f) => ({ value: f, label: HALL_FACILITY_LABELS[f] }))} values={draft.facilities} onChange={(facilities) => change({ facilities })} />
      </Field>
      <Field label='星级' required error={errors.starLevel}>
        <ChipGroup compact options={[1, 2, 3, 4, 5].map((star) => ({ value: star, label: `${star}星` }))} value={draft.starLevel} onChange={(starLevel) => starLevel && change({ starLevel })} />
      </Field>
      <Field label='年度点单额度' required hint='0 到 200；修改后今年立即生效' error={errors.annualQuota}>
        <Input className='input' type='number' value={draft.annualQuota} maxlength={3} placeholder='例如 12' onInput={(e) => change({ annualQuota: e.detail.value })} />
      </Field>
      <Button className='btn btn--primary btn--block' disabled={busy} onClick={save}>
        {busy ? '正在保存…' : hall ? '保存修改' : '新建礼堂'}
      </Button>
    </View>
  );
}

function EditHall({ official, id }: { official: Official; id: number }) {
  const hall = useAsync(() => getAdminHall(id), [id]);
  return <AdminContent state={hall}>{(data) => <HallForm official={official} hall={data} />}</AdminContent>;
}

export default function AdminHallFormPage() {
  const id = Number(useRouter().params.id);
  const editing = Number.isInteger(id) && id > 0;
  return (
    <AdminPage section='halls' title={editing ? '修改礼堂信息' : '新建礼堂'}>
      {(official) => (editing ? <EditHall official={official} id={id} /> : <HallForm official={official} hall={null} />)}
    </AdminPage>
  );
}
