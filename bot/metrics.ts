import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Every metric of the service is named with this prefix, so a scrape can tell ours from the runtime's. */
export const METRIC_PREFIX = 'iess_';

/** How a turn ended: `ok`, `error` (the turn error handler apologised) or `unavailable` (the store did not answer). */
export type TurnOutcome = 'ok' | 'error' | 'unavailable';

/** Channel ids used as label values; any other id a caller sends is counted as `other`, so labels stay few. */
const KNOWN_CHANNELS = new Set(['directline', 'webchat', 'msteams', 'emulator', 'whatsapp', 'test']);

/** Seconds: a turn's latency buckets, from 5 ms to 10 s. */
export const TURN_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Name, help and label names of a metric a feature registers. */
export interface MetricConfig<L extends string> {
  /** Must start with `iess_`; counters end with `_total`, durations with `_seconds` (Prometheus naming). */
  name: string;
  help: string;
  labelNames?: readonly L[];
}

/**
 * The service's metrics registry, one per running application (tests start several in one process). The built-in
 * metrics are the turn, NLU and rate-limit ones below; a feature adds its own with `counter`, `histogram` or
 * `gauge` once, at construction, and keeps the returned object. Registering the same name again returns the first
 * one, so building a feature twice in one process (tests) does not throw.
 */
export interface Metrics {
  readonly registry: Registry;
  counter<L extends string = never>(config: MetricConfig<L>): Counter<L>;
  histogram<L extends string = never>(config: MetricConfig<L> & { buckets?: number[] }): Histogram<L>;
  /** A gauge; with `collect`, its value is read (for example from the store) at each scrape. */
  gauge<L extends string = never>(config: MetricConfig<L> & { collect?: (gauge: Gauge<L>) => Promise<void> | void }): Gauge<L>;
  /** Counts a finished turn and observes its latency. */
  observeTurn(channelId: string | undefined, outcome: TurnOutcome, seconds: number): void;
  /** Counts one NLU decision: `ok`, `ambiguous` or `unknown` (the fallback). */
  countNluResult(status: 'ok' | 'ambiguous' | 'unknown'): void;
  /** Counts one refusal by a rate limit or throttle, by scope (`estado:conv`, `http:/ingresar`...). */
  countRateLimitRefusal(scope: string): void;
  /** The exposition text for GET /metrics. */
  render(): Promise<string>;
  readonly contentType: string;
}

/** The channel label for a channel id: known ids as they are, anything else `other`. */
export function channelLabel(channelId: string | undefined): string {
  return channelId && KNOWN_CHANNELS.has(channelId) ? channelId : 'other';
}

function checkName(name: string): void {
  if (!name.startsWith(METRIC_PREFIX)) throw new Error(`Metric ${name} must be named ${METRIC_PREFIX}…`);
}

/** Builds the registry with the process metrics (CPU, memory, event loop lag) and the built-in service metrics. */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const existing = <T>(name: string): T | undefined => registry.getSingleMetric(name) as T | undefined;
  const counter = <L extends string = never>(config: MetricConfig<L>): Counter<L> => {
    checkName(config.name);
    return existing<Counter<L>>(config.name) ?? new Counter<L>({ ...config, labelNames: config.labelNames ?? [], registers: [registry] });
  };
  const histogram = <L extends string = never>(config: MetricConfig<L> & { buckets?: number[] }): Histogram<L> => {
    checkName(config.name);
    return (
      existing<Histogram<L>>(config.name) ?? new Histogram<L>({ ...config, labelNames: config.labelNames ?? [], registers: [registry] })
    );
  };
  const gauge = <L extends string = never>(config: MetricConfig<L> & { collect?: (gauge: Gauge<L>) => Promise<void> | void }): Gauge<L> => {
    checkName(config.name);
    const found = existing<Gauge<L>>(config.name);
    if (found) return found;
    const { collect, ...rest } = config;
    return new Gauge<L>({
      ...rest,
      labelNames: config.labelNames ?? [],
      registers: [registry],
      ...(collect
        ? {
            collect: async function (this: Gauge<L>) {
              await collect(this);
            },
          }
        : {}),
    });
  };
  const turns = counter({
    name: 'iess_turns_total',
    help: 'Turns run by the bot, by channel and outcome.',
    labelNames: ['channel', 'outcome'],
  });
  const turnSeconds = histogram({
    name: 'iess_turn_duration_seconds',
    help: 'Time from the start of a turn to its end (state saved, replies sent), by channel.',
    labelNames: ['channel'],
    buckets: TURN_BUCKETS,
  });
  const nlu = counter({
    name: 'iess_nlu_results_total',
    help: 'NLU decisions by status; unknown is the fallback (rate = unknown / all).',
    labelNames: ['status'],
  });
  const refusals = counter({
    name: 'iess_rate_limit_refusals_total',
    help: 'Requests refused by a rate limit or throttle, by scope.',
    labelNames: ['scope'],
  });
  return {
    registry,
    counter,
    histogram,
    gauge,
    observeTurn(channelId, outcome, seconds) {
      const channel = channelLabel(channelId);
      turns.inc({ channel, outcome });
      turnSeconds.observe({ channel }, seconds);
    },
    countNluResult: (status) => nlu.inc({ status }),
    countRateLimitRefusal: (scope) => refusals.inc({ scope }),
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
