import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../src/messaging';

function Popup() {
  const [status, setStatus] = useState('connecting…');
  useEffect(() => {
    sendMessage('ping', undefined)
      .then((r) => setStatus(`background ok, v${r.version}`))
      .catch((e: unknown) => setStatus(`background error: ${String(e)}`));
  }, []);
  return (
    <main>
      <h1>LiqLens</h1>
      <p data-testid="popup-status">{status}</p>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
