/**
 * Module worker that checks officers' CSV files off the main thread. A thin wrapper:
 * all logic is in check-core.ts. (papaparse's own worker mode builds a blob worker
 * from its source at run time, which breaks once Vite bundles it; this one is bundled.)
 */
import { ValidationService } from './check-core.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const service = new ValidationService((message: FromWorker) => scope.postMessage(message));

scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  void service.receive(event.data);
});
