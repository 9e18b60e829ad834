import Taro from '@tarojs/taro';

/** The little of a WebSocket the realtime client needs; `openTaroSocket` gives one over `Taro.connectSocket`. */
export interface SocketLike {
  send(text: string): void;
  close(): void;
  onOpen(listener: () => void): void;
  onMessage(listener: (text: string) => void): void;
  /** Called once, however the connection ended (an error counts as close code 1006). */
  onClose(listener: (code: number, reason: string) => void): void;
}

/** Where the socket lives: `/ws` on the API's host (not under `/api`). */
export function realtimeUrl(accessToken: string): string {
  const query = `?token=${encodeURIComponent(accessToken)}`;
  if (process.env.TARO_ENV === 'h5') {
    // The page's Content-Security-Policy allows sockets to its own host only.
    const secure = window.location.protocol === 'https:';
    return `${secure ? 'wss' : 'ws'}://${window.location.host}/ws${query}`;
  }
  const origin = API_BASE.replace(/\/api\/?$/, '').replace(/^http/, 'ws');
  return `${origin}/ws${query}`;
}

/** Opens a socket with `Taro.connectSocket` (weapp and H5). Rejects when the socket cannot even be created. */
export async function openTaroSocket(url: string): Promise<SocketLike> {
  const task = await Taro.connectSocket({ url });
  // Taro 4.2's H5 SocketTask keeps the browser socket in `ws` (the weapp's has none).
  const browserSocket = (task as unknown as { ws?: WebSocket }).ws;
  let closed = false;
  let closeListener: (code: number, reason: string) => void = () => undefined;
  const closeOnce = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    closeListener(code, reason);
  };
  // The server closes with 4401 and the error code as reason (TOKEN_EXPIRED: refresh and come back); H5's
  // SocketTask reports every close as 1006, so the browser's own close event is read where there is one.
  if (browserSocket) {
    browserSocket.addEventListener('close', (event) => closeOnce(event.code, event.reason));
  } else {
    task.onClose((result) => closeOnce(result.code, result.reason));
  }
  task.onError(() => closeOnce(1006, ''));
  return {
    send: (text) => task.send({ data: text }),
    close: () => {
      closed = true;
      task.close({});
    },
    onOpen: (listener) => task.onOpen(() => listener()),
    onMessage: (listener) => task.onMessage((result) => listener(typeof result.data === 'string' ? result.data : '')),
    onClose: (listener) => {
      closeListener = listener;
    },
  };
}
