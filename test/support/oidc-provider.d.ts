declare module 'oidc-provider' {
  import type { Server } from 'node:http';

  /** The part of oidc-provider's Koa application the tests use (the package ships no types). */
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    use(middleware: (ctx: { path: string; body: unknown }, next: () => Promise<void>) => Promise<void>): this;
    listen(port: number, host: string, ready: () => void): Server;
  }
}
