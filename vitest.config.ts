import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * The calibration-window backtest reads validation data that lives beside the repo (../shared/data, which
 * may not be copied in), so the unit run never includes it: `npm run accuracy:check` runs it alone
 * (vitest.accuracy.config.ts).
 */
export const CALIBRATION_TEST = 'test/backtest/calibration-window.test.ts';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**', CALIBRATION_TEST],
    mockReset: true,
    restoreMocks: true,
    testTimeout: 20000,
  },
});
