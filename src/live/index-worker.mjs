// The worker thread's entry: registers tsx (the sources are TypeScript, run without a build) and runs the index build.
import { register } from 'tsx/esm/api';

register();
await import('./index-worker.ts');
