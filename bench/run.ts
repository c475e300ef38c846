/**
 * `npm run bench`: every benchmark of the project, on this machine, printed as tables. Goals are
 * printed beside the figures; a benchmark informs, it does not fail the build.
 */
import os from 'node:os';
import { runConsoleBench } from './console-bench';
import { runGatewayBench, type GatewayRound } from './gateway-bench';
import { runGatewayInstructionBench } from './gateway-instructions';
import { runPickerBench } from './picker-bench';
import { runScaleBench } from './scale-bench';
import { runUsageBench } from './usage-bench';
import { fmt, median, printTable } from './stats';

async function main(): Promise<void> {
  console.log(
    `Keyward benchmarks on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  const only = process.argv.slice(2);
  // One line per goal of the issues, printed together at the end.
  const summary: (string | number)[][] = [];
  const goal = (area: string, measure: string, value: string, target: string, met: boolean) =>
    summary.push([area, measure, value, target, met ? 'yes' : 'NO']);
  const wants = (name: string) => only.length === 0 || only.includes(name);

  if (wants('gateway')) {
    const result = await runGatewayBench();
    const { bare, floor, keyward, keywardWithoutUsage, twoWorkers, attacked, nginx, authRequest } = result;
    const rows = [
      result.direct,
      nginx,
      authRequest,
      bare,
      floor,
      keyward,
      keywardWithoutUsage,
      twoWorkers,
      attacked,
    ].filter((row) => row !== undefined);
    printTable(
      'Deployment API gateway (autocannon, 50 connections; latency in ms)',
      ['scenario', 'req/s', 'p50', 'p99', 'non-2xx', 'server CPU µs/req'],
      rows.map((row) => [
        row.scenario,
        fmt(row.requestsPerSecond, 0),
        fmt(row.p50),
        fmt(row.p99),
        row.non2xx,
        fmt(row.cpuMicrosPerRequest ?? NaN, 0),
      ]),
    );
    // Each ratio is the median of its per-round ratios (both sides measured seconds apart).
    const perRound = (of: (round: GatewayRound) => number | undefined) =>
      median(result.rounds.map(of).filter((value) => value !== undefined));
    const ratio = perRound((round) => round.keyward / round.bare);
    const quietRatio = perRound((round) => round.keywardWithoutUsage / round.bare);
    const ofNginx = perRound((round) => (round.nginx ? round.keyward / round.nginx : undefined));
    const addedP99 = perRound((round) => round.addedP99);
    const underAttack = perRound((round) => round.attacked / round.keyward);
    console.log(
      `c/b = ${fmt(ratio, 2)} (goal >= 1.0; usage off c0/b = ${fmt(quietRatio, 2)}) · c/n = ${fmt(ofNginx, 2)} (goal >= 0.5) · added p99 c-b = ${fmt(addedP99)} ms (goal < 2) · d/c = ${fmt(underAttack, 2)} (goal >= 0.90; ${result.badSecretsSent} bad-secret requests sent)`,
    );
    const each = (of: (round: GatewayRound) => number | undefined) =>
      result.rounds.map((round) => fmt(of(round) ?? NaN, 2)).join(' ');
    console.log(
      `per round: c/b ${each((round) => round.keyward / round.bare)} · c/n ${each((round) => (round.nginx ? round.keyward / round.nginx : undefined))}`,
    );
    // How far Keyward is from what any Node.js gateway could do here, and that ceiling from nginx.
    const ofFloor = (round: GatewayRound) => round.keyward / round.floor;
    const floorOfNginx = (round: GatewayRound) =>
      round.nginx ? round.floor / round.nginx : undefined;
    console.log(
      `Node floor: c/r = ${fmt(perRound(ofFloor), 2)} (per round ${each(ofFloor)}) · r/n = ${fmt(perRound(floorOfNginx), 2)} (per round ${each(floorOfNginx)})`,
    );
    // Throughput ratios depend on how the 2 cores are shared; CPU per request does not.
    const keywardCpuOfNginx = (round: GatewayRound) =>
      round.nginxCpu && round.keywardCpu ? round.keywardCpu / round.nginxCpu : undefined;
    const cpuOfNginx = perRound(keywardCpuOfNginx);
    if (Number.isFinite(cpuOfNginx))
      console.log(
        `CPU per request, Keyward / nginx: ${fmt(cpuOfNginx, 2)}× (per round ${each(keywardCpuOfNginx)})`,
      );
    // The pair that does Keyward's job without it: nginx's auth_request to a Node key check.
    const cpuOfPair = perRound((round) =>
      round.authRequestCpu && round.keywardCpu ? round.keywardCpu / round.authRequestCpu : undefined,
    );
    const p99OverPair = perRound((round) => round.p99OverAuthRequest);
    const ofPair = perRound((round) => (round.authRequest ? round.keyward / round.authRequest : undefined));
    if (authRequest) {
      console.log(
        `auth_request pair (p): c/p = ${fmt(ofPair, 2)} · p99 c-p = ${fmt(p99OverPair)} ms (goal < 0) · per round CPU c/p ${each((round) => (round.authRequestCpu && round.keywardCpu ? round.keywardCpu / round.authRequestCpu : undefined))}`,
      );
      console.log(`cpu per request: keyward/auth_request pair = ${fmt(cpuOfPair, 2)}`);
      goal('gateway', 'CPU per request, Keyward / auth_request pair', fmt(cpuOfPair, 2), '< 1.0', cpuOfPair < 1);
      goal('gateway', 'p99 Keyward less auth_request pair', `${fmt(p99OverPair)} ms`, '< 0 ms', p99OverPair < 0);
    } else console.log('cpu per request: keyward/auth_request pair = n/a (no nginx here)');
    goal('gateway', 'throughput c/b, usage on', fmt(ratio, 2), '>= 1.0', ratio >= 1);
    goal('gateway', 'throughput c0/b, usage off', fmt(quietRatio, 2), '(for comparison)', true);
    if (nginx)
      goal('gateway', 'Keyward / nginx one worker c/n', fmt(ofNginx, 2), '>= 0.5', ofNginx >= 0.5);
    else goal('gateway', 'Keyward / nginx one worker c/n', 'no nginx here', '>= 0.5', false);
    if (nginx && twoWorkers) {
      const workersOfNginx = perRound((round) =>
        round.nginx && round.twoWorkers ? round.twoWorkers / round.nginx : undefined,
      );
      goal(
        'gateway',
        'KEYWARD_WORKERS=2 / nginx c2/n',
        fmt(workersOfNginx, 2),
        '>= 0.5',
        workersOfNginx >= 0.5,
      );
    }
    goal('gateway', 'added p99 c-b', `${fmt(addedP99)} ms`, '< 2 ms', addedP99 < 2);
    goal('gateway', 'under bad secrets d/c', fmt(underAttack, 2), '>= 0.90', underAttack >= 0.9);
  }

  // Only when named: valgrind runs the servers some 50 times slower (4 to 8 minutes).
  // `instructions` counts the Node floor and Keyward (the speed goal of record), `gateway-instructions` nginx too.
  if (only.includes('instructions') || only.includes('gateway-instructions')) {
    const counts = await runGatewayInstructionBench(
      only.includes('gateway-instructions') ? ['nginx', 'floor', 'keyward'] : ['floor', 'keyward'],
    );
    if (!counts) console.log('\ninstructions: valgrind is not on this machine');
    else {
      printTable(
        `Deployment API gateway, instructions per forwarded request (valgrind callgrind; ${counts[0]?.requests ?? 0} requests after a warm-up)`,
        ['scenario', 'main thread', 'all threads'],
        counts.map((row) => [
          row.scenario,
          fmt(row.mainThread / 1000, 1) + 'k',
          fmt(row.allThreads / 1000, 1) + 'k',
        ]),
      );
      const of = (prefix: string) => counts.find((row) => row.scenario.startsWith(prefix));
      const keyward = of('(c)');
      const nginx = of('(n)');
      const floor = of('(r)');
      if (keyward && nginx)
        console.log(
          `Keyward / nginx, main thread: ${fmt(keyward.mainThread / nginx.mainThread, 2)}×`,
        );
      if (keyward && floor) {
        const ratio = keyward.mainThread / floor.mainThread;
        // The line a script reads (issue 28).
        console.log(`instructions per request: keyward/floor = ${fmt(ratio, 2)}`);
        goal(
          'gateway',
          'instructions per request keyward/floor, main thread',
          fmt(ratio, 2),
          '<= 1.25',
          ratio <= 1.25,
        );
      }
    }
  }

  // Only when named: a simulated month of usage on PostgreSQL takes some minutes.
  if (only.includes('usage')) {
    const usage = await runUsageBench();
    {
      printTable(
        `Usage at scale: ${usage.days} simulated days at ${usage.requestsPerSecond.toLocaleString('en')} requests/s, ${usage.rowsPerMinute} key/endpoint/outcome rows a minute (${usage.store === 'postgres' ? 'PostgreSQL' : 'embedded store'}; ${fmt(usage.simulatedSeconds, 0)} s to simulate)`,
        ['day', 'usage rows', 'MB (key_usage + addresses)', 'rows added that day', 'MB added that day'],
        usage.daily.map((day, index) => {
          const before = usage.daily[index - 1];
          return [
            day.day,
            day.rows.toLocaleString('en'),
            fmt(day.bytes / 2 ** 20, 1),
            (day.rows - (before?.rows ?? 0)).toLocaleString('en'),
            fmt((day.bytes - (before?.bytes ?? 0)) / 2 ** 20, 1),
          ];
        }),
      );
      // Past the minute retention (2 days), each day adds only its hour buckets.
      const last = usage.daily.at(-1)!;
      const settled = usage.daily.at(-8) ?? usage.daily[0]!;
      const days = last.day - settled.day || 1;
      const rowsPerDay = (last.rows - settled.rows) / days;
      const bytesPerDay = (last.bytes - settled.bytes) / days;
      console.log(
        `usage: ${fmt(rowsPerDay, 0)} rows/day and ${fmt(bytesPerDay / 2 ** 20, 2)} MB/day once minutes roll up (last ${days} days), ${last.rows.toLocaleString('en')} rows and ${fmt(last.bytes / 2 ** 20, 0)} MB after ${last.day} days; a key's 30-day chart p95 = ${fmt(usage.chart30dP95)} ms, 7-day ${fmt(usage.chart7dP95)} ms`,
      );
      goal('usage', "a key's 30-day usage chart p95", `${fmt(usage.chart30dP95)} ms`, '< 100 ms', usage.chart30dP95 < 100);
      goal('usage', 'rows per day once rolled up', fmt(rowsPerDay, 0), `= hour buckets (${usage.rowsPerMinute * 24})`, rowsPerDay <= usage.rowsPerMinute * 24 * 1.05);
    }
  }

  // Only when named: it seeds 1.1 million keys (a few minutes, and about 1 GB of PostgreSQL).
  if (only.includes('scale')) {
    const results = await runScaleBench();
    if (!results)
      console.log(
        '\nscale: needs BENCH_DATABASE_URL (or TEST_DATABASE_URL), a PostgreSQL server to create databases on',
      );
    else {
      printTable(
        'Keys at scale on PostgreSQL (1,000 deployments; gateway: one key, 50 connections; console: one administrator; ms)',
        [
          'keys',
          'seed s',
          'database MB',
          'start-up ms',
          'RSS MB',
          'gateway req/s (mean of rounds)',
          'uncached p99',
          ...(results[0]?.consoleReads.map((entry) => `${entry.read} p95`) ?? []),
        ],
        results.map((row) => [
          row.keys.toLocaleString('en'),
          fmt(row.seedSeconds),
          fmt(row.databaseMb, 0),
          fmt(row.startupMs, 0),
          fmt(row.rssMb, 0),
          fmt(row.requestsPerSecond, 0),
          fmt(row.uncachedP99),
          ...row.consoleReads.map((entry) => fmt(entry.p95)),
        ]),
      );
      const [small, large] = results;
      const flood = large?.flood;
      if (small && large && flood) {
        printTable(
          `1M keys: made-up App IDs and secrets from ${(10_000).toLocaleString('en')} client addresses beside legitimate traffic (alternating rounds)`,
          [
            'legit req/s alone',
            'legit req/s under flood',
            'per round under/alone',
            'junk sent, answered',
            'junk /s',
            'App ID lookups reaching the database /s',
            'Keyward CPU µs: legit, junk',
            'flood generator CPU µs per junk',
            'RSS before MB',
            'RSS after MB',
          ],
          [
            [
              fmt(flood.quietRequestsPerSecond, 0),
              fmt(flood.legitRequestsPerSecond, 0),
              flood.underFloodRatios.map((ratio) => fmt(ratio, 2)).join(', '),
              `${flood.junkSent}, ${flood.junkAnswered}`,
              fmt(flood.junkPerSecond, 0),
              fmt(flood.junkLookupsPerSecond),
              `${fmt(flood.legitCpuMicros, 0)}, ${fmt(flood.junkCpuMicros, 0)}`,
              fmt(flood.generatorCpuMicros, 0),
              fmt(flood.rssBeforeMb, 0),
              fmt(flood.rssAfterMb, 0),
            ],
          ],
        );
        // The medians of the rounds' ratios, each of two measurements seconds apart.
        const throughputRatios = large.roundRequestsPerSecond.map((value, round) => value / small.roundRequestsPerSecond[round]!);
        const throughput = median(throughputRatios);
        console.log(`gateway throughput 1M/100k keys per round: ${throughputRatios.map((ratio) => fmt(ratio, 2)).join(', ')}`);
        const underFlood = median(flood.underFloodRatios);
        // The line a script reads (issue 28).
        console.log(
          `scale: 1M/100k throughput = ${fmt(throughput, 2)}, junk lookups reaching the database = ${fmt(flood.junkLookupsPerSecond, 1)}/s, legit under flood = ${fmt(underFlood, 2)}`,
        );
        goal(
          'scale',
          'gateway throughput 1M / 100k keys',
          fmt(throughput, 2),
          '>= 0.95',
          throughput >= 0.95,
        );
        goal(
          'scale',
          'legit throughput under flood / quiet',
          fmt(underFlood, 2),
          '>= 0.9',
          underFlood >= 0.9,
        );
        for (const row of results)
          for (const entry of row.consoleReads)
            goal(
              'scale',
              `${row.keys.toLocaleString('en')} keys: ${entry.read} p95`,
              `${fmt(entry.p95)} ms`,
              '< 50 ms',
              entry.p95 < 50,
            );
      }
    }
  }

  if (wants('console')) {
    const rows = await runConsoleBench();
    printTable(
      'Console API (autocannon, 20 connections, signed in as Root; 1,000 deployments, 10,000 keys; ms)',
      ['store', 'request', 'req/s', 'p50', 'p95', 'p99', 'non-2xx', 'goal p95 < 50'],
      rows.map((row) => [
        row.store,
        row.request,
        fmt(row.requestsPerSecond, 0),
        fmt(row.p50),
        fmt(row.p95),
        fmt(row.p99),
        row.non2xx,
        row.p95 < 50 ? 'yes' : 'NO',
      ]),
    );
    for (const row of rows)
      goal(
        'console',
        `${row.store}: ${row.request} p95`,
        `${fmt(row.p95)} ms`,
        '< 50 ms',
        row.p95 < 50,
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
    for (const row of rows)
      goal(
        'picker',
        `${row.catalog}: ${row.interaction} p95`,
        `${fmt(row.p95)} ms`,
        `< ${row.goalMs} ms`,
        row.p95 < row.goalMs,
      );
  }

  if (summary.length > 0)
    printTable('Summary of goals', ['area', 'measure', 'value', 'goal', 'met'], summary);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
