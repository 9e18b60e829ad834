import { useEffect, type PropsWithChildren } from 'react';
import { realtime } from './realtime';
import { bindRealtimeToSession } from './realtime/session';
import './app.scss';

// System info (demo banner) is loaded by PageShell on the first page. The chat socket follows the session:
// connected while someone is signed in, feeding the unread counts and the 消息 tab badge.
function App({ children }: PropsWithChildren) {
  useEffect(() => bindRealtimeToSession(realtime), []);
  return children;
}

export default App;
