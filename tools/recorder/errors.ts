// The recorder's error lives with the per-exchange specs that throw it (src/sites/shared/recorder-spec.ts).
export { RecorderError } from '../../src/sites/shared/recorder-spec';
