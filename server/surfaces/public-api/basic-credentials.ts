/** `Authorization: Basic base64(id:secret)`, per RFC 7617; anything else is undefined. */
export function parseBasicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header || header.length > 4096) return undefined;
  const match = /^Basic[ ]+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
