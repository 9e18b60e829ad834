import { withSession } from '../api/request';
import { RealtimeClient } from './client';
import { openTaroSocket, realtimeUrl } from './socket';

/** The app's one chat socket; started and stopped with the session by `bindRealtimeToSession`. */
export const realtime = new RealtimeClient({
  open: openTaroSocket,
  urlFor: realtimeUrl,
  withSession: (attempt) => withSession(true, attempt),
});
