import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import type { ReservationDto } from '@hall-menu/shared';
import { cancelReservation } from '../api/events';
import { formatDateTime } from '../utils/format';
import { useForm } from '../utils/form-errors';

/** 取消预约, offered while the server allows it (`allowedActions`) and before `cancelUntil` when known. */
export function CancelReservation({ reservation, cancelUntil, onDone }: { reservation: ReservationDto; cancelUntil?: string; onDone: () => void }) {
  const { failure, busy, send } = useForm({ oneMessage: true });
  const tooLate = cancelUntil !== undefined && Date.now() > Date.parse(cancelUntil);
  if (!reservation.allowedActions.includes('cancel') || tooLate) return null;

  async function cancel() {
    const { confirm } = await Taro.showModal({ title: '取消预约', content: '取消后座位会让给候补的村民，确定取消吗？', confirmText: '取消预约', cancelText: '不取消' });
    if (!confirm) return;
    await send(async () => {
      await cancelReservation(reservation.id);
      void Taro.showToast({ title: '预约已取消', icon: 'none' });
      onDone();
    });
  }

  return (
    <View className='spaced'>
      <Button className='btn btn--block' disabled={busy} onClick={cancel}>
        {busy ? '正在取消…' : '取消预约'}
      </Button>
      {cancelUntil && <View className='ticket__hint spaced'>{formatDateTime(cancelUntil)} 前可以取消</View>}
      {failure && <View className='form-error'>{failure}</View>}
    </View>
  );
}
