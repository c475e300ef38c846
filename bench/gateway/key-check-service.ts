// Peer (p): how operators enforce API keys in front of an API without Keyward. nginx's
// auth_request asks this minimal Node service about every request before proxying it. The
// service keeps the bench key in memory (App ID -> HMAC-SHA-256 of its secret, and the same 50
// permissions as "METHOD /path"), checks the Basic credentials as Keyward does (one HMAC, a
// constant-time compare) and the (method, path) grant, and answers 204, 401 or 403. It has no
// canonical path, catalog routing, lifecycle, limits or usage: less than Keyward does.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

const pepper = randomBytes(32);
const hash = (secret: string) => createHmac('sha256', pepper).update(secret, 'utf8').digest();
const keys = new Map([
  [process.env.APP_ID!, { secret: hash(process.env.APP_SECRET!), permissions: new Set<string>(JSON.parse(process.env.PERMISSIONS!)) }],
]);
// `/api/deployments/{id}/api/v5/clients?x` -> `/clients`, as the catalog names endpoints.
const prefix = /^\/api\/deployments\/[^/]+\/api\/v5/;

http
  .createServer((request, response) => {
    const authorization = request.headers.authorization ?? '';
    const decoded = authorization.startsWith('Basic ') ? Buffer.from(authorization.slice(6), 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const key = colon > 0 ? keys.get(decoded.slice(0, colon)) : undefined;
    const given = hash(decoded.slice(colon + 1));
    if (!key || !timingSafeEqual(given, key.secret)) return void response.writeHead(401).end();
    const uri = String(request.headers['x-original-uri'] ?? '');
    const queryAt = uri.indexOf('?');
    const path = (queryAt === -1 ? uri : uri.slice(0, queryAt)).replace(prefix, '');
    const allowed = key.permissions.has(`${String(request.headers['x-original-method'])} ${path}`);
    response.writeHead(allowed ? 204 : 403).end();
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
