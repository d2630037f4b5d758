declare module 'koa-range' {
  import type { Middleware } from 'koa';
  /** Koa middleware that answers `Range` requests with 206 partial content. */
  const range: Middleware;
  export default range;
}
