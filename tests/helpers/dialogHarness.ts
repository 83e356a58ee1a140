import { ConversationState, MemoryStorage, type Middleware } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import type { Dialog } from 'botbuilder-dialogs';
import type { Clock } from '../../core/ports';
import type { DialogDependencies } from '../../dialogs/dependencies';
import { createRecognizer, type Recognizer } from '../../nlu';
import { seedDemoData } from '../../prisma/store/seed';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalFolderStorage } from '../../bot/fileStorage';
import { silentLogger } from '../../bot/logger';
import type { SessionStore } from '../../prisma/store/session';
import { createServices } from '../../bot/services';

/** The server secret used by tests. */
export const TEST_SECRET = 'secreto-de-pruebas-con-32-caracteres-o-mas';
import { createTestDatabase, type TestDatabase } from './db';

let shared: Recognizer | undefined;

/** One trained recognizer per test file: training is start-up work, not per-test work. */
export function testRecognizer(): Recognizer {
  shared ??= createRecognizer();
  return shared;
}

/** A fixed clock: 22 November 2026, 10:00 in Ecuador. */
export const FIXED_NOW = new Date('2026-11-22T10:00:00-05:00');

/** A seeded store and the dialogs' dependencies over it. */
export interface DialogWorld {
  db: TestDatabase;
  deps: DialogDependencies;
  documents: LocalFolderStorage;
  /** The session store, so tests can sign a conversation in without the web page. */
  session: SessionStore;
}

/** Creates a migrated database with the demo people and cases, and real dependencies over it. */
export async function createDialogWorld(clock: Clock = () => FIXED_NOW): Promise<DialogWorld> {
  const db = await createTestDatabase();
  await seedDemoData(db.prisma, { scryptLogN: 10 });
  const documents = new LocalFolderStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'iess-docs-')));
  const { deps, sessions: session } = createServices({
    prisma: db.prisma,
    clock,
    logger: silentLogger,
    secret: TEST_SECRET,
    publicBaseUrl: 'http://127.0.0.1:1',
    documents,
    readAttachment: async () => undefined,
    scryptLogN: 10,
    recognizer: testRecognizer(),
  });
  return { db, deps, documents, session };
}

/** A DialogTestClient on the Direct Line channel id, with its own in-memory conversation state. */
export function createClient(dialog: Dialog, conversationId = 'conv-test'): DialogTestClient {
  const inConversation: Middleware = {
    onTurn: async (context, next) => {
      context.activity.conversation.id = conversationId;
      await next();
    },
  };
  return new DialogTestClient('directline', dialog, undefined, [inConversation], new ConversationState(new MemoryStorage()));
}
