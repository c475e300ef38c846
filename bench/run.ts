/**
 * `npm run bench`: every benchmark of the project, on this machine, printed as tables. Goals are
 * printed beside the figures; a benchmark informs, it does not fail the build.
 */
import os from 'node:os';
import { runConsoleBench } from './console-bench';
import { runGatewayBench } from './gateway-bench';
import { runPickerBench } from './picker-bench';
import { fmt, printTable } from './stats';

async function main(): Promise<void> {
  console.log(
    `Keyward benchmarks on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  const only = process.argv.slice(2);
  const wants = (name: string) => only.length === 0 || only.includes(name);

  if (wants('gateway')) {
    const { rows, badSecretsSent } = await runGatewayBench();
    printTable(
      'Deployment API gateway (autocannon, 50 connections; latency in ms)',
      ['scenario', 'req/s', 'p50', 'p99', 'non-2xx'],
      rows.map((row) => [row.scenario, fmt(row.requestsPerSecond, 0), fmt(row.p50), fmt(row.p99), row.non2xx]),
    );
    const [, bare, gateway, attacked] = rows as [unknown, (typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
    const ratio = gateway.requestsPerSecond / bare.requestsPerSecond;
    const addedP99 = gateway.p99 - bare.p99;
    const underAttack = attacked.requestsPerSecond / gateway.requestsPerSecond;
    console.log(`c/b = ${fmt(ratio, 2)} (goal >= 0.85) · added p99 c-b = ${fmt(addedP99)} ms (goal < 2) · d/c = ${fmt(underAttack, 2)} (goal >= 0.90; ${badSecretsSent} bad-secret requests sent)`);
  }

  if (wants('console')) {
    const rows = await runConsoleBench();
    printTable(
      'Console API (autocannon, 20 connections, signed in as Root; 1,000 deployments, 10,000 keys; ms)',
      ['store', 'request', 'req/s', 'p50', 'p97.5', 'p99', 'non-2xx', 'goal p95 < 50'],
      rows.map((row) => [row.store, row.request, fmt(row.requestsPerSecond, 0), fmt(row.p50), fmt(row.p97_5), fmt(row.p99), row.non2xx, row.p97_5 < 50 ? 'yes' : 'NO']),
    );
  }

  if (wants('picker')) {
    const rows = await runPickerBench();
    printTable(
      'Permission picker (Chromium, production build; ms from the interaction to the frame painting its last change)',
      ['catalog', 'interaction', 'n', 'p50', 'p95', 'goal p95', 'met'],
      rows.map((row) => [
        row.catalog,
        row.interaction,
        row.samples,
        fmt(row.p50),
        fmt(row.p95),
        `< ${row.goalMs}`,
        row.p95 < row.goalMs ? 'yes' : 'NO',
      ]),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
