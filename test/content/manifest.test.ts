import { describe, expect, it } from 'vitest';
import config, { CHART_BRIDGE_ORIGINS } from '../../wxt.config';

type War = (string | { resources: string[]; matches: string[] })[];
const manifest = (browser: string, manifestVersion: 2 | 3) =>
  (config.manifest as (env: { browser: string; manifestVersion: number }) => { web_accessible_resources: War })({ browser, manifestVersion });

describe('manifest: the content scripts’ lazy UI module', () => {
  it('is web-accessible to the trading-page origins only (Chrome MV3)', () => {
    const entries = manifest('chrome', 3).web_accessible_resources.filter((e) => typeof e !== 'string' && e.resources.includes('content-ui.js'));
    expect(entries).toEqual([{ resources: ['content-ui.js'], matches: CHART_BRIDGE_ORIGINS }]);
    expect(CHART_BRIDGE_ORIGINS.length).toBeGreaterThan(0);
    expect(CHART_BRIDGE_ORIGINS).not.toContain('<all_urls>');
  });
  it('is not listed for Firefox MV2, whose plain list cannot restrict origins (content scripts import it unlisted)', () => {
    expect(manifest('firefox', 2).web_accessible_resources).not.toContain('content-ui.js');
  });
});
