import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApplication, type Application } from '../../bot/app';
import type { WhatsAppChannel } from '../../bot/channels/whatsapp';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logger';
import { WHATSAPP_CODIGO } from '../../catalog';
import type { Clock } from '../../core/ports';
import { startFakeGraph, type FakeGraph, type SentMessage } from '../../simulators/whatsapp/fakeGraph';
import {
  buttonReply,
  envelope,
  listReply,
  mediaMessage,
  messagesChange,
  textMessage,
  type Json,
  type WaUser,
} from '../../simulators/whatsapp/webhook';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { testRecognizer } from '../helpers/dialogHarness';
import { freePort } from '../helpers/server';

/** The secrets the tests configure (and sign with). */
export const WA = {
  verifyToken: 'token-de-verificacion',
  appSecret: 'secreto-de-la-app-de-meta',
  accessToken: 'token-de-acceso-de-pruebas',
  phoneNumberId: '109876543210',
} as const;

/** The bot on a free port with the WhatsApp channel pointed at a fake Graph API. */
export interface WhatsAppWorld {
  app: Application;
  channel: WhatsAppChannel;
  graph: FakeGraph;
  db: TestDatabase;
  baseUrl: string;
  webhookUrl: string;
  /** Stops the bot only (the database and fake stay), as a crash or restart would. */
  stopApp(): Promise<void>;
  /** Starts a new bot on the same database and fake. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the fake Graph API and the bot (demo data seeded) with fast polls and back-off. */
export async function startWhatsAppWorld(
  options: {
    clock?: Clock;
    db?: TestDatabase;
    graph?: FakeGraph;
    /** Extra settings (Teams handoff, template…), over the defaults. */
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<WhatsAppWorld> {
  const db = options.db ?? (await createTestDatabase());
  const graph =
    options.graph ??
    (await startFakeGraph({ accessToken: WA.accessToken, phoneNumberId: WA.phoneNumberId, appSecret: WA.appSecret, clock: options.clock }));
  const documents = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-wa-'));
  const world = { db, graph } as WhatsAppWorld;
  async function boot(): Promise<void> {
    const port = await freePort();
    const config = loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      SEED_DEMO: 'true',
      DOCUMENTS_DIR: documents,
      MAIL_OUTBOX_DIR: path.join(documents, 'outbox'),
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      APP_SECRET: 'secreto-de-pruebas-con-32-caracteres-o-mas',
      WHATSAPP_VERIFY_TOKEN: WA.verifyToken,
      WHATSAPP_APP_SECRET: WA.appSecret,
      WHATSAPP_ACCESS_TOKEN: WA.accessToken,
      WHATSAPP_PHONE_NUMBER_ID: WA.phoneNumberId,
      WHATSAPP_GRAPH_URL: graph.url,
      ...options.env,
    });
    const app = await createApplication(config, {
      logger: silentLogger,
      clock: options.clock,
      recognizer: testRecognizer(),
      scryptLogN: 10,
      outboxPollMs: 50,
      whatsapp: {
        sender: { pollIntervalMs: 50, backoffBaseMs: 40, backoffMaxMs: 400 },
        processor: { pollIntervalMs: 100, leaseSeconds: 2 },
      },
    });
    world.app = app;
    world.channel = app.channels.find((c) => c.id === 'whatsapp') as WhatsAppChannel;
    world.baseUrl = await app.listen();
    world.webhookUrl = `${world.baseUrl}/api/whatsapp`;
    graph.setWebhookUrl(world.webhookUrl);
  }
  await boot();
  world.stopApp = async () => {
    await world.app.close();
  };
  world.restart = boot;
  world.stop = async () => {
    await world.app.close().catch(() => undefined);
    if (!options.graph) await graph.close();
    await db.dispose();
    fs.rmSync(documents, { recursive: true, force: true });
  };
  return world;
}

/** Everything a person reads in one Cloud API message: body text, buttons, list rows, link label. */
export function readable(message: SentMessage): string {
  const body = message.body as Json;
  if (body.type === 'text') return String((body.text as Json).body);
  if (body.type !== 'interactive') return '';
  const interactive = body.interactive as Json;
  const action = (interactive.action ?? {}) as Json;
  const buttons = ((action.buttons as Json[] | undefined) ?? []).map((b) => String((b.reply as Json).title));
  const rows = ((action.sections as Json[] | undefined) ?? []).flatMap((s) => (s.rows as Json[]).map((r) => String(r.title)));
  const cta = action.parameters ? [String((action.parameters as Json).display_text)] : [];
  return [String((interactive.body as Json).text), ...buttons, ...rows, ...cta].join('\n');
}

/** A person on a phone: sends messages through the fake's signed webhooks and reads what the bot sent to them. */
export class Phone {
  private mark = 0;
  constructor(
    private readonly world: WhatsAppWorld,
    readonly user: WaUser,
  ) {}

  private get address(): string {
    return this.user.waId ?? this.user.userId ?? '';
  }

  /** Messages the bot sent to this phone (read receipts left out). */
  received(): SentMessage[] {
    return this.world.graph.sent.filter((m) => (m.body.to ?? m.body.recipient) === this.address && m.body.status !== 'read');
  }

  private async deliver(message: Json): Promise<void> {
    this.mark = this.world.graph.sent.length;
    const answer = await this.world.graph.deliver(envelope([[messagesChange(WA.phoneNumberId, [this.user], [message])]]));
    if (answer.status !== 200) throw new Error(`webhook answered ${answer.status}`);
  }

  /** Types a message. */
  say(text: string): Promise<void> {
    return this.deliver(textMessage(this.user, text));
  }

  /** The newest interactive message with a choice titled `title` (full choice text = id, possibly shortened title). */
  private choice(title: string): { id: string; title: string; list: boolean } {
    for (const message of [...this.received()].reverse()) {
      const interactive = message.body.interactive as Json | undefined;
      if (!interactive) continue;
      const action = interactive.action as Json;
      for (const b of (action.buttons as Json[] | undefined) ?? []) {
        const reply = b.reply as Json;
        if (reply.id === title || reply.title === title) return { id: String(reply.id), title: String(reply.title), list: false };
      }
      for (const s of (action.sections as Json[] | undefined) ?? []) {
        for (const r of s.rows as Json[])
          if (r.id === title || r.title === title) return { id: String(r.id), title: String(r.title), list: true };
      }
    }
    throw new Error(`no button or row "${title}" was sent to this phone`);
  }

  /** Taps a reply button or picks a list row by its text, waiting up to 15 s for the bot to offer it. */
  async tap(title: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        const found = this.choice(title);
        return await this.deliver(found.list ? listReply(this.user, found.id, found.title) : buttonReply(this.user, found.id, found.title));
      } catch (error) {
        if (Date.now() > deadline || !(error instanceof Error) || !error.message.startsWith('no button')) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  /** Whether `title` was offered as a list row (not a button) in the newest message offering it. */
  offeredAsList(title: string): boolean {
    return this.choice(title).list;
  }

  /** Sends a file from the phone's gallery or documents. */
  sendFile(
    bytes: Buffer,
    mimeType: string,
    filename: string,
    kind: 'image' | 'document' = mimeType.startsWith('image/') ? 'image' : 'document',
  ): Promise<void> {
    const media = this.world.graph.addMedia(bytes, mimeType, filename);
    return this.deliver(mediaMessage(this.user, kind, media));
  }

  /** Waits for a message sent after the last thing this phone sent whose readable text contains `text`. */
  async waitFor(text: string, timeoutMs = 15_000): Promise<SentMessage> {
    return this.world.graph.waitFor((m) => (m.body.to ?? m.body.recipient) === this.address && readable(m).includes(text), {
      from: this.mark,
      timeoutMs,
    });
  }

  /** The cta_url link sent to this phone after its last message. */
  async link(timeoutMs = 15_000): Promise<string> {
    const message = await this.world.graph.waitFor(
      (m) => (m.body.to ?? m.body.recipient) === this.address && (m.body.interactive as Json | undefined)?.type === 'cta_url',
      { from: this.mark, timeoutMs },
    );
    return String((((message.body.interactive as Json).action as Json).parameters as Json).url);
  }
}

/** Opens the sign-in link from the chat in "a browser", signs in, and returns the code the page shows. */
export async function signInOnPage(link: string, who: { cedula: string; clave: string }): Promise<string> {
  const form = await fetch(link);
  expect(form.status).toBe(200);
  const token = new URL(link).searchParams.get('t') ?? '';
  const done = await fetch(new URL('/ingresar', link), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ t: token, identificacion: who.cedula, clave: who.clave }).toString(),
  });
  expect(done.status).toBe(200);
  const html = await done.text();
  expect(html).toContain(WHATSAPP_CODIGO.paginaTitulo);
  const code = /(\d{6})/.exec(html.replace(/&#?\w+;/g, ' '))?.[1];
  if (!code) throw new Error('no code on the page');
  expect(html).toContain(WHATSAPP_CODIGO.pagina(code, 5).replace(/"/g, '&quot;'));
  return code;
}
