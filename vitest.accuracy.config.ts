// `npm run accuracy:check` (scripts/accuracy-check.mjs): the unit configuration, for the calibration-window
// backtest only. Built by hand rather than with mergeConfig, which would keep the unit run's exclude of it.
import { defineConfig } from 'vitest/config';
import unit, { CALIBRATION_TEST } from './vitest.config.ts';

export default defineConfig({ ...unit, test: { ...unit.test, include: [CALIBRATION_TEST], exclude: ['node_modules/**'] } });
