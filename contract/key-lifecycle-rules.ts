/**
 * The key lifecycle's plain rules, without the schema library: the console's key lists load
 * these on their first paint, the schemas (key-lifecycle.ts) only with the dialogs.
 */

/** Keys expiring within this many days are marked "expiring soon". */
export const EXPIRING_SOON_DAYS = 7;

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
