import { permissionKey, type Permission } from './endpoint-catalog';

/** What an edit grants and takes away, as sorted "METHOD /path" lists: the dialog shows it, the audit log keeps it. */
export function diffPermissions(before: readonly Permission[], after: readonly Permission[]): { added: string[]; removed: string[] } {
  const was = new Set(before.map(permissionKey));
  const is = new Set(after.map(permissionKey));
  return {
    added: [...is].filter((key) => !was.has(key)).sort(),
    removed: [...was].filter((key) => !is.has(key)).sort(),
  };
}
