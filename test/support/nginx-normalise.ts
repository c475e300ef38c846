const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * The path an upstream proxy that normalises like nginx would route (RFC 3986 section 6.2.2 and
 * 5.2.4): percent-encoded unreserved characters decoded, `//` merged, dot segments removed.
 */
export function normaliseLikeNginx(path: string): string {
  const decoded = path.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : escape.toUpperCase();
  });
  const merged = decoded.replace(/\/{2,}/g, '/');
  const out: string[] = [];
  const segments = merged.split('/');
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const last = index === segments.length - 1;
    if (segment === '.') {
      if (last) out.push('');
    } else if (segment === '..') {
      if (out.length > 1) out.pop();
      if (last) out.push('');
    } else out.push(segment);
  }
  return out.join('/') || '/';
}
