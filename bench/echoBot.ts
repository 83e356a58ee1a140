/**
 * The reference bot of the benchmark: an echo bot on the same stack as the assistant (botbuilder 4.23.3, restify,
 * CloudAdapter, MemoryStorage for its conversation state), so the ratio full/echo shows what the assistant adds.
 * Run as its own process: `node dist/bench/echoBot.js` with PORT and HOST in the environment.
 */
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  type TurnContext,
} from 'botbuilder';
import restify from 'restify';

/** The echo bot: greets new members, repeats each message, counts turns in conversation state (read and saved). */
class EchoBot extends ActivityHandler {
  constructor(private readonly state: ConversationState) {
    super();
    const turns = state.createProperty<number>('turns');
    this.onMembersAdded(async (context, next) => {
      await context.sendActivity('Hola');
      await next();
    });
    this.onMessage(async (context, next) => {
      await turns.set(context, (await turns.get(context, 0)) + 1);
      await context.sendActivity(`Eco: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.state.saveChanges(context, false);
  }
}

function main(): void {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot(new ConversationState(new MemoryStorage()));
  const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/healthz', (_req, res, next) => {
    res.json(200, { status: 'ok' });
    next();
  });
  server.listen(Number(process.env.PORT ?? 3979), process.env.HOST ?? '127.0.0.1');
}

main();
