import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

// KEYWARD_WORKERS > 1: a scrape reaches whichever process the cluster hands the connection to.
// That process asks the primary, which collects every worker's registry through prom-client's
// own cluster messages and sums them, so every scrape describes the whole server.
const SCRAPE = 'keyward:metrics-scrape';
const SCRAPED = 'keyward:metrics-scraped';
const WAIT_MS = 6_000;

interface Scraped {
  type: typeof SCRAPED;
  id: number;
  text?: string;
  error?: string;
}

/** In the primary: answers workers' scrapes with every worker's metrics together. */
export function aggregateWorkerMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== SCRAPE || typeof message.id !== 'number') return;
    const { id } = message;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: SCRAPED, id, text } satisfies Scraped),
      (error: unknown) => worker.send({ type: SCRAPED, id, error: String(error) } satisfies Scraped),
    );
  });
}

/** In a worker: lets the primary read `registry`, and scrapes all workers through it. */
export function clusterScraper(registry: Registry): () => Promise<string> {
  AggregatorRegistry.setRegistries([registry]);
  // Constructing one is what makes prom-client answer the primary's requests in this process.
  new AggregatorRegistry();
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
