import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PASSWORD, ROOT } from './accounts';

/**
 * After the whole run: no server's log may hold a secret. Keyward's secrets carry
 * recognisable prefixes, so any of them is found by its shape; the accounts' passwords and PEM
 * private keys are looked for as they are.
 */
const SECRET_SHAPES: [string, RegExp][] = [
  ['Platform API Key secret', /kwps_[0-9A-Za-z]{49}/],
  ['Deployment API Key secret', /kwds_[0-9A-Za-z]{49}/],
  ['PEM private key', /BEGIN [A-Z ]*PRIVATE KEY/],
  ['upstream secret', /emqx-secret/],
  ['Root password', new RegExp(ROOT.password)],
  ['account password', new RegExp(PASSWORD)],
];

export default function scanServerLogs(): void {
  const files = process.env.E2E_SERVER_LOGS?.split(path.delimiter).filter(Boolean) ?? [];
  for (const file of files) {
    const log = readFileSync(file, 'utf8');
    if (log.trim() === '') throw new Error(`the server log ${file} is empty: the scan would prove nothing`);
    const found = SECRET_SHAPES.filter(([, shape]) => shape.test(log)).map(([name]) => name);
    if (found.length > 0) throw new Error(`the server log contains secrets: ${found.join(', ')} (${file})`);
    console.log(`server log scanned for secrets: ${log.split('\n').length} lines, none found (${path.basename(file)})`);
  }
}
