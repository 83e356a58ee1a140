import { HANDOFF, HANDOFF_OPCIONES } from '../../catalog';
import { reply } from '../../dialogs/shared/replies';
import { tellCitizen, type HandoffBotDeps } from './deps';
import { postCard } from './port';

/**
 * The queue's timer, safe with several instances: each tick claims (compare-and-set in the store) the waiting
 * handoffs whose timeout is due and offers those citizens to leave a message or keep waiting, and posts the queue
 * cards Teams did not take earlier. Nothing is kept in process memory.
 */
export class HandoffQueueWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly deps: HandoffBotDeps,
    private readonly pollMs = 15_000,
  ) {}

  /** One pass: timeout offers, then missing cards. Exposed for tests with a fixed clock. */
  async tick(): Promise<void> {
    const due = await this.deps.records.claimTimedOut({ now: this.deps.clock() });
    for (const handoff of due) {
      try {
        await tellCitizen(this.deps, handoff, async (context) => {
          await context.sendActivity(
            reply(HANDOFF.tiempoAgotado(this.deps.queueTimeoutMinutes), [HANDOFF_OPCIONES.esperar, HANDOFF_OPCIONES.volver]),
          );
        });
      } catch (error) {
        this.deps.logger.warn('handoff_timeout_offer_not_sent', { handoffId: handoff.id, error: String(error) });
      }
    }
    for (const handoff of await this.deps.records.listWaiting()) {
      if (!handoff.cardActivityId) await postCard(this.deps, handoff.id);
    }
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => this.deps.logger.error('handoff_queue_tick_failed', { error: String(error) }))
        .finally(() => {
          this.running = undefined;
        });
    }, this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
