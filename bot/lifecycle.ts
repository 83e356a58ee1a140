import type { Next, Request, Response } from 'restify';
import { OPERACIONES } from '../catalog';
import { PROBE_PATHS } from './health';

/**
 * The requests this instance is serving, for a clean stop: once `stop()` is called, new requests (other than the
 * probes) get 503 with `Retry-After` and `Connection: close`, so the load balancer and Web Chat retry elsewhere,
 * while the requests already in flight (a turn among them) run to their end; `idle()` resolves when they have.
 */
export class InFlightRequests {
  private count = 0;
  private stopping = false;
  private waiters: (() => void)[] = [];

  /** True once the service has begun to stop. */
  isStopping(): boolean {
    return this.stopping;
  }

  /** Requests being served now. */
  get size(): number {
    return this.count;
  }

  /** restify `pre` handler that counts requests and refuses new ones while stopping. */
  middleware() {
    return (req: Request, res: Response, next: Next): void => {
      const path = (req.url ?? '').split('?')[0];
      if (this.stopping && !(PROBE_PATHS as readonly string[]).includes(path)) {
        res.header('Retry-After', '5');
        res.header('Connection', 'close');
        res.json(503, { error: { code: 'ServiceUnavailable', message: OPERACIONES.reiniciando } });
        next(false);
        return;
      }
      this.count += 1;
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        this.count -= 1;
        if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
      };
      res.once('finish', finish);
      res.once('close', finish);
      next();
    };
  }

  /** Stops taking new requests. */
  stop(): void {
    this.stopping = true;
  }

  /** Resolves true when no request is in flight, or false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
