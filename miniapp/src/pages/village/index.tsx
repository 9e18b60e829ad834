import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, View } from '@tarojs/components';
import type { HallDto, RegionDto } from '@hall-menu/shared';
import { errorMessage } from '../../api/api-error';
import { followHall, getMyHalls, setMyVillage, type MyHalls } from '../../api/events';
import { getHall, listHalls } from '../../api/halls';
import { getMe } from '../../api/me';
import { listRegions } from '../../api/regions';
import { PageShell } from '../../components/PageShell';
import { AsyncContent, LoginPrompt } from '../../components/StateViews';
import { useAsync } from '../../hooks/use-async';
import { selectIsLoggedIn, useAuthStore } from '../../stores/auth';

interface Overview {
  mine: MyHalls;
  halls: HallDto[];
}

async function loadOverview(): Promise<Overview> {
  const mine = await getMyHalls();
  const ids = [...new Set([...mine.villageHallIds, ...mine.followedHallIds])];
  return { mine, halls: await Promise.all(ids.map(getHall)) };
}

/** 我的村和礼堂: the villager's own village (chosen by name) and the halls they follow, whose events 活动 shows. */
export default function VillagePage() {
  const loggedIn = useAuthStore(selectIsLoggedIn);
  const village = useAuthStore((state) => state.me?.scopes.village ?? null);
  const overview = useAsync(() => (loggedIn ? loadOverview() : Promise.resolve(null)), [loggedIn]);
  const [keyword, setKeyword] = useState('');
  const [villages, setVillages] = useState<RegionDto[] | null>(null);
  const [found, setFound] = useState<HallDto[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!loggedIn) {
    return (
      <PageShell>
        <LoginPrompt hint='登录后可以设置您所在的村、关注附近的礼堂' />
      </PageShell>
    );
  }

  async function attempt(work: () => Promise<void>) {
    setFailure(null);
    setBusy(true);
    try {
      await work();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const search = () =>
    attempt(async () => {
      const text = keyword.trim();
      if (!text) {
        setFailure('请输入村名或礼堂名');
        return;
      }
      const [regions, halls] = await Promise.all([listRegions({ keyword: text }), listHalls({ keyword: text, page: 1, pageSize: 10 })]);
      setVillages(regions.filter((r) => r.level === 'village'));
      setFound(halls.items);
    });

  const chooseVillage = (region: RegionDto) =>
    attempt(async () => {
      await setMyVillage(region.code);
      useAuthStore.getState().setMe(await getMe());
      setVillages(null);
      overview.refresh();
      void Taro.showToast({ title: '已设为我的村', icon: 'success' });
    });

  const toggleFollow = (hall: HallDto, follow: boolean) =>
    attempt(async () => {
      await followHall(hall.id, follow);
      overview.refresh();
      void Taro.showToast({ title: follow ? '已关注' : '已取消关注', icon: 'none' });
    });

  return (
    <PageShell>
      <View className='section'>
        <View className='section__title'>我的村</View>
        <View className='card'>
          <View className='card__title'>{village ? village.name : '还没有选择'}</View>
          <View className='card__meta'>本村礼堂的活动和需求会优先显示给您</View>
        </View>
      </View>

      <View className='section'>
        <View className='section__title'>找村或礼堂</View>
        <View className='search-row spaced'>
          <Input
            className='input search-row__input'
            type='text'
            confirmType='search'
            maxlength={20}
            placeholder='输入村名或礼堂名，例如 鲍田'
            value={keyword}
            onInput={(e) => setKeyword(e.detail.value)}
            onConfirm={search}
          />
          <Button className='btn btn--primary search-row__button' disabled={busy} onClick={search}>
            搜索
          </Button>
        </View>
        {failure && <View className='notice notice--error notice--inline'>{failure}</View>}
        {villages && villages.length === 0 && found?.length === 0 && <View className='card__meta'>没有找到，换个字试试</View>}
        {villages?.map((region) => (
          <View key={region.code} className='card'>
            <View className='card__title'>{region.name}</View>
            <View className='card__meta'>{region.fullName}</View>
            <Button className='btn btn--block' disabled={busy} onClick={() => chooseVillage(region)}>
              设为我的村
            </Button>
          </View>
        ))}
        {found?.map((hall) => {
          const mine = overview.status === 'success' ? overview.data?.mine : undefined;
          const own = mine?.villageHallIds.includes(hall.id) ?? false;
          const followed = mine?.followedHallIds.includes(hall.id) ?? false;
          return (
            <View key={hall.id} className='card'>
              <View className='card__title'>{hall.name}</View>
              <View className='card__meta'>{hall.regionPath}</View>
              {own || followed ? (
                <View className='card__meta'>{own ? '这是本村礼堂' : '已关注'}</View>
              ) : (
                <Button className='btn btn--block' disabled={busy} onClick={() => toggleFollow(hall, true)}>
                  关注这个礼堂
                </Button>
              )}
            </View>
          );
        })}
      </View>

      <View className='section'>
        <View className='section__title'>我的礼堂</View>
        <AsyncContent state={overview} isEmpty={(o) => !o || o.halls.length === 0} empty={<View className='card__meta'>还没有礼堂：先设置您的村，或搜索并关注礼堂</View>}>
          {(o) =>
            o!.halls.map((hall) => {
              const own = o!.mine.villageHallIds.includes(hall.id);
              return (
                <View key={hall.id} className='card'>
                  <View className='card__title'>{hall.name}</View>
                  <View className='card__meta'>{own ? '本村礼堂' : '已关注'} · {hall.regionPath}</View>
                  {!own && (
                    <Button className='btn btn--block' disabled={busy} onClick={() => toggleFollow(hall, false)}>
                      取消关注
                    </Button>
                  )}
                </View>
              );
            })
          }
        </AsyncContent>
      </View>
    </PageShell>
  );
}
