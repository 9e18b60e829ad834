import type { PropsWithChildren } from 'react';
import './app.scss';

// System info (demo banner) is loaded by PageShell on the first page, so launch needs nothing more.
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
