import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const exchangeUrl = new URL('./exchange.ts', import.meta.url).href;
const securityHeadersUrl = new URL('../../http/security-headers.ts', import.meta.url).href;

describe('GatewayExchange.withHeader', () => {
  it('gives refusals that add the same header one hidden class once optimized, so reading them stays inline', () => {
    // Run where V8's natives are allowed: whether two objects share a hidden class (a "map") is
    // visible only there. The loop runs long enough for TurboFan to optimize withHeader.
    const script = `
      const { GatewayExchange } = await import(${JSON.stringify(exchangeUrl)});
      const { API_SECURITY_HEADERS } = await import(${JSON.stringify(securityHeadersUrl)});
      const refused = () => new GatewayExchange({}, {}, '', 'http', '', API_SECURITY_HEADERS, () => false, () => {})
        .withHeader('www-authenticate', 'Basic realm="Keyward"').ownHeaders;
      let shared = 0;
      for (let round = 0; round < 200_000; round++) if (round % 1000 === 0 && %HaveSameMap(refused(), refused())) shared++; else refused();
      const first = refused();
      console.log(JSON.stringify({ shared, names: Object.keys(first), challenge: first['www-authenticate'] }));
    `;
    const child = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(child.status, child.stderr).toBe(0);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { shared: number; names: string[]; challenge: string };
    expect(result.shared).toBe(200);
    // Keyward's own headers first, then the one added.
    expect(result.names).toEqual(['content-security-policy', 'x-content-type-options', 'referrer-policy', 'cross-origin-resource-policy', 'www-authenticate']);
    expect(result.challenge).toBe('Basic realm="Keyward"');
  });
});
