/**
 * The key lifecycle's plain rules, without the schema library: the console's key lists load
 * these on their first paint, the schemas (key-lifecycle.ts) only with the dialogs.
 */

/** Keys expiring within this many days are marked "expiring soon". */
export const EXPIRING_SOON_DAYS = 7;

/** A key nobody has called for this many days is "unused" (lists, filters, Key review). */
export const UNUSED_DAYS = 30;

type Moment = string | Date | null;
const millisOf = (moment: Exclude<Moment, null>) => (typeof moment === 'string' ? Date.parse(moment) : moment.getTime());

/**
 * The auditor's question: a key nobody has called for UNUSED_DAYS (or ever, once it is that old;
 * an imported key of unknown age counts as unused from the start). The console's lists and the
 * server's Key review both ask it here.
 */
export function isUnused(key: { lastUsedAt: Moment; createdAt: Moment }, now: number): boolean {
  const since = key.lastUsedAt ?? key.createdAt;
  return since === null || now - millisOf(since) >= UNUSED_DAYS * 86_400_000;
}

/**
 * The longest any key may live, whatever the organisation's policy says (ten years): an expiry in
 * year 9999 is a typo or a way around expiry, never a plan.
 */
export const KEY_LIFETIME_CAP_DAYS = 3_653;

/** When a rolled secret stops working: now, in 1 hour, 24 hours or 7 days (seconds). */
export const ROLL_GRACE_SECONDS = [0, 3_600, 86_400, 604_800] as const;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** An IPv4 or IPv6 address, optionally with a CIDR prefix length (`10.0.0.0/8`, `2001:db8::/32`). */
export function isAddressOrRange(text: string): boolean {
  const [address = '', bits, ...rest] = text.split('/');
  if (rest.length > 0) return false;
  const v4 = IPV4.test(address);
  let v6 = false;
  if (!v4 && address.includes(':') && /^[0-9a-fA-F:.]+$/.test(address)) {
    try {
      new URL(`http://[${address}]/`);
      v6 = true;
    } catch {
      v6 = false;
    }
  }
  if (!v4 && !v6) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (v4 ? 32 : 128));
}
