import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue, type Registry } from 'prom-client';

type WorkerMetrics = MetricObjectWithValues<MetricValue<string>>[];

// KEYWARD_WORKERS > 1: a scrape reaches whichever process the cluster hands the connection to.
// That process asks the primary, which collects the registry of every worker that is serving and
// sums them with prom-client's aggregation, so every scrape describes the whole server. A worker
// still starting (one replacing a worker that died) is not asked: it has served nothing yet, and
// waiting for it would fail the scrape (prom-client's own collection asks every worker there is).
const SCRAPE = 'keyward:metrics-scrape';
const SCRAPED = 'keyward:metrics-scraped';
const COLLECT = 'keyward:metrics-collect';
const COLLECTED = 'keyward:metrics-collected';
const WAIT_MS = 6_000;
const COLLECT_WAIT_MS = 3_000;

interface Scraped {
  type: typeof SCRAPED;
  id: number;
  text?: string;
  error?: string;
}

interface Collected {
  type: typeof COLLECTED;
  id: number;
  metrics?: WorkerMetrics;
  error?: string;
}

/** One worker's metrics, or undefined if it left or did not answer in time (it is then left out). */
function collectFrom(worker: Worker, id: number): Promise<WorkerMetrics | undefined> {
  return new Promise((resolve) => {
    const settle = (metrics: WorkerMetrics | undefined) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      resolve(metrics);
    };
    const onMessage = (message: Collected) => {
      if (message?.type === COLLECTED && message.id === id) settle(message.metrics);
    };
    const onExit = () => settle(undefined);
    const timer = setTimeout(() => settle(undefined), COLLECT_WAIT_MS);
    worker.on('message', onMessage);
    worker.on('exit', onExit);
    worker.send({ type: COLLECT, id });
  });
}

/** In the primary: answers workers' scrapes with the metrics of every serving worker together. */
export function aggregateWorkerMetrics(): void {
  const serving = new Set<Worker>();
  cluster.on('listening', (worker) => serving.add(worker));
  cluster.on('exit', (worker) => serving.delete(worker));
  let next = 0;
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== SCRAPE || typeof message.id !== 'number') return;
    const { id } = message;
    const collection = next++;
    const asked = [...serving].filter((each) => each.isConnected());
    Promise.all(asked.map((each) => collectFrom(each, collection)))
      .then((all) => AggregatorRegistry.aggregate(all.filter((metrics) => metrics !== undefined)).metrics())
      .then(
        (text) => worker.send({ type: SCRAPED, id, text } satisfies Scraped),
        (error: unknown) => worker.send({ type: SCRAPED, id, error: String(error) } satisfies Scraped),
      );
  });
}

/** In a worker: lets the primary read `registry`, and scrapes all workers through it. */
export function clusterScraper(registry: Registry): () => Promise<string> {
  process.on('message', (message: { type?: string; id?: number }) => {
    if (message?.type !== COLLECT || typeof message.id !== 'number') return;
    const { id } = message;
    registry.getMetricsAsJSON().then(
      (metrics) => process.send!({ type: COLLECTED, id, metrics } satisfies Collected),
      (error: unknown) => process.send!({ type: COLLECTED, id, error: String(error) } satisfies Collected),
    );
  });
  let next = 0;
  return () =>
    new Promise((resolve, reject) => {
      const id = next++;
      const onMessage = (message: Scraped) => {
        if (message?.type !== SCRAPED || message.id !== id) return;
        settle();
        if (message.text !== undefined) resolve(message.text);
        else reject(new Error(`the cluster's metrics could not be collected: ${message.error}`));
      };
      const timer = setTimeout(() => {
        settle();
        reject(new Error("the cluster's metrics did not arrive in time"));
      }, WAIT_MS);
      const settle = () => {
        clearTimeout(timer);
        process.off('message', onMessage);
      };
      process.on('message', onMessage);
      process.send!({ type: SCRAPE, id });
    });
}
