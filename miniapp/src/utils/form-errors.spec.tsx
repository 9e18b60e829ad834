import { act, renderHook } from '@testing-library/react';
import { ErrorCode, proxyReserveSchema } from '@hall-menu/shared';
import { ApiError } from '../api/api-error';
import { useForm } from './form-errors';

const refusal = (message: string, fields: { field: string; message: string }[]) => new ApiError(ErrorCode.ValidationFailed, message, 400, { fields });

/** A call the test finishes by hand, to look at the form while it is being sent. */
function pending() {
  let finish!: (outcome?: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    finish = (outcome) => (outcome ? reject(outcome) : resolve());
  });
  return { promise, finish };
}

describe('useForm', () => {
  it('shows a failed check under each field with the count above, and sends nothing', async () => {
    const { result } = renderHook(() => useForm());
    const call = jest.fn();
    await act(() => result.current.submit(proxyReserveSchema.safeParse({ guestName: '' }), call));
    expect(result.current.errors).toEqual({ seats: '请选择座位数', guestName: '请填写村民姓名' });
    expect(result.current.failure).toBe('还有 2 处需要修改，请看各项下面的红字提示');
    expect(call).not.toHaveBeenCalled();
  });

  it('is busy while sending, ignores a second press, and drops the old messages once the check passes', async () => {
    const { result } = renderHook(() => useForm());
    await act(() => result.current.submit(proxyReserveSchema.safeParse({ guestName: '' }), jest.fn()));
    const sending = pending();
    const call = jest.fn(() => sending.promise);
    let first!: Promise<void>;
    act(() => {
      first = result.current.submit(proxyReserveSchema.safeParse({ guestName: '王阿婆', seats: 2 }), call);
    });
    expect(result.current.busy).toBe(true);
    expect(result.current.errors).toEqual({});
    expect(result.current.failure).toBeNull();
    await act(() => result.current.submit(proxyReserveSchema.safeParse({ guestName: '王阿婆', seats: 2 }), call));
    expect(call).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith({ guestName: '王阿婆', seats: 2 });

    await act(async () => {
      sending.finish();
      await first;
    });
    expect(result.current.busy).toBe(false);
  });

  it('puts the server’s field messages under the fields, and does not repeat one of them above', async () => {
    const { result } = renderHook(() => useForm());
    const sensitive = refusal('内容含有不当用语“某词”，请修改后再提交', [{ field: 'guestName', message: '含有不当用语“某词”' }]);
    await act(() => result.current.send(() => Promise.reject(sensitive)));
    expect(result.current.errors).toEqual({ guestName: '含有不当用语“某词”' });
    expect(result.current.failure).toBe('内容含有不当用语“某词”，请修改后再提交');

    await act(() => result.current.send(() => Promise.reject(refusal('请填写原因', [{ field: 'reason', message: '请填写原因' }]))));
    expect(result.current.errors).toEqual({ reason: '请填写原因' });
    expect(result.current.failure).toBe('请按下面的红字提示修改');
  });

  it('lets a form choose its own line for a failed check, or none', () => {
    const { result } = renderHook(() => useForm());
    act(() => result.current.showInvalid({ 'scores.content': '请打分' }, '每一项都要打分'));
    expect(result.current.failure).toBe('每一项都要打分');
    act(() => result.current.showInvalid({ stars: '请打分' }, null));
    expect(result.current.errors).toEqual({ stars: '请打分' });
    expect(result.current.failure).toBeNull();
  });

  it('in a one-message form, shows the check’s first message and the server’s message as they are', async () => {
    const { result } = renderHook(() => useForm({ oneMessage: true }));
    await act(() => result.current.submit(proxyReserveSchema.safeParse({ guestName: '' }), jest.fn()));
    expect(result.current.failure).toBe('请选择座位数');

    await act(() => result.current.send(() => Promise.reject(refusal('请填写原因', [{ field: 'reason', message: '请填写原因' }]))));
    expect(result.current.failure).toBe('请填写原因');
    expect(result.current.errors).toEqual({});
  });
});
