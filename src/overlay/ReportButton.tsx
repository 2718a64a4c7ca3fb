/**
 * "Copy page report" in the panel's details (issue 11): builds the page-structure report on click, copies it
 * and shows it, so the user sees exactly what they would send before pasting it anywhere.
 */
import { useState } from 'preact/hooks';

export function ReportButton({ build }: { build: () => string }) {
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const onClick = () => {
    let report: string;
    try {
      report = build();
    } catch (err) {
      setStatus(`report failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    setText(report);
    setStatus('shown below; copying…');
    // The clipboard may be refused (no focus, permissions): the text stays shown and selectable then.
    navigator.clipboard?.writeText(report).then(
      () => setStatus('copied: paste it into a LiqLens issue'),
      () => setStatus('select the text below and copy it'),
    ) ?? setStatus('select the text below and copy it');
  };
  return (
    <div class="ll-report">
      <button type="button" data-testid="liqlens-report" onClick={onClick} title="A skeleton of the positions panel and chart: tags and labels only, every digit as 9">
        Copy page report
      </button>{' '}
      <span class="ll-muted" data-testid="liqlens-report-status">
        {status}
      </span>
      {text !== null && <textarea readOnly rows={6} data-testid="liqlens-report-text" value={text} onFocus={(e) => e.currentTarget.select()} />}
    </div>
  );
}
