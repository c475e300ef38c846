import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import boundaries the code relies on are known to the linter (eslint.config.js): each case
 * lints a line as if it stood in a real file, and the boundary rule must name it.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === 'import-x/no-restricted-paths').map((message) => message.message);
}

describe('import boundaries the linter knows', () => {
  it.each([
    ['a feature importing another feature', 'src/features/users/probe.ts', "import { AuditLogPage } from '@/features/audit/components/AuditLogPage';\nexport { AuditLogPage };\n", /Features do not import each other/],
    ['a feature added later (from the folder listing)', 'src/features/security/probe.ts', "import { SettingsPage } from '@/features/settings/components/SettingsPage';\nexport { SettingsPage };\n", /Features do not import each other/],
    ['shared code importing a feature', 'src/lib/probe.ts', "import { AuditLogPage } from '@/features/audit/components/AuditLogPage';\nexport { AuditLogPage };\n", /Shared code does not import features/],
    ['a pure module importing a service', 'server/permissions/probe.ts', "import { createDeploymentsService } from '../deployments/deployments-service';\nexport { createDeploymentsService };\n", /Pure modules/],
    ['the data layer importing a service', 'server/db/probe.ts', "import { createAuthService } from '../auth/auth-service';\nexport { createAuthService };\n", /data layer/],
    ['a route handler reaching for the database', 'server/surfaces/console/probe.ts', "import type { Database } from '../../db/store';\nexport type { Database };\n", /never the database/],
    ['a service importing a surface', 'server/auth/probe.ts', "import { consolePlugin } from '../surfaces/console/plugin';\nexport { consolePlugin };\n", /never import a surface/],
  ])('refuses %s', async (_what, filePath, code, message) => {
    expect(await boundaryErrors(filePath, code)).toEqual([expect.stringMatching(message)]);
  }, 60_000);

  it('lets a surface call a service, and a feature use shared code', async () => {
    expect(await boundaryErrors('server/surfaces/console/probe.ts', "import { createAuthService } from '../../auth/auth-service';\nexport { createAuthService };\n")).toEqual([]);
    expect(await boundaryErrors('src/features/users/probe.ts', "import { apiRequest } from '@/lib/api-client';\nexport { apiRequest };\n")).toEqual([]);
  }, 60_000);
});
