// Reference (n): what an operator would otherwise put in front of EMQX. Debian's nginx with one
// worker as a keep-alive reverse proxy doing the gateway's path rewrite, configured in a temp dir.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The subrequest carries the client's Authorization, method and URI, never its body.
const KEY_CHECK_LOCATION = `
    location = /_keycheck {
      internal;
      proxy_pass http://keycheck;
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_set_header X-Original-URI $request_uri;
      proxy_set_header X-Original-Method $request_method;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }`;

/** The nginx binary on this machine, if there is one. */
export function findNginx(): string | undefined {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
    if (spawnSync(candidate, ['-v']).status === 0) return candidate;
  }
  return undefined;
}

/**
 * `under` runs nginx under another program (valgrind), in that program's environment; there it
 * serves from its one process. `keyCheckUrl` makes it the auth_request pair (p): every request is
 * first asked of that service (bench/gateway/key-check-service.ts) and proxied only on its 2xx.
 */
export function startNginx(
  binary: string,
  dir: string,
  port: number,
  upstreamUrl: string,
  under?: { command: string[]; env: NodeJS.ProcessEnv },
  keyCheckUrl?: string,
): ChildProcess {
  const command = under?.command ?? [];
  const upstream = new URL(upstreamUrl);
  const keyCheck = keyCheckUrl ? new URL(keyCheckUrl) : undefined;
  const temp = (name: string) => path.join(dir, name);
  for (const name of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(temp(name), { recursive: true });
  const config = `
worker_processes 1;
daemon off;${command.length > 0 ? '\nmaster_process off;' : ''}
pid ${temp('nginx.pid')};
error_log ${temp('error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  upstream emqx { server ${upstream.host}; keepalive 64; }${keyCheck ? `\n  upstream keycheck { server ${keyCheck.host}; keepalive 64; }` : ''}
  server {
    listen 127.0.0.1:${port};${keyCheck ? KEY_CHECK_LOCATION : ''}
    location /api/deployments/ {${keyCheck ? '\n      auth_request /_keycheck;' : ''}
      rewrite ^/api/deployments/[^/]+(/.*)$ $1 break;
      proxy_pass http://emqx;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Authorization "Basic dXBzdHJlYW06c2VjcmV0";
    }
  }
}
`;
  const file = temp('nginx.conf');
  writeFileSync(file, config);
  const [program, ...args] = [...command, binary, '-p', dir, '-c', file];
  return spawn(program!, args, { stdio: ['ignore', 'ignore', 'inherit'], env: under?.env ?? process.env });
}
