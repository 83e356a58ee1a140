import type { Activity, BotAdapter, TurnContext } from 'botbuilder';
import type { Request, Server } from 'restify';
import type { AttachmentReader, ConversationKey, ConversationReferenceJson } from '../../core/ports';

/** A bot turn handler (IessBot.run, or the sign-in continuation). */
export type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * Turns one outgoing activity into the channel's own form, within the channel's limits. It reads the neutral message
 * the dialogs put in the activity (dialogs/shared/replies.ts) and leaves activities without one as they are.
 */
export type ActivityRenderer = (activity: Partial<Activity>) => Partial<Activity>;

/**
 * How a sign-in link is bound to the person holding the chat: true when whoever sent `request` (the browser that
 * opened the link) holds the chat of `conversation`. A channel answers only for its own conversations and says true
 * for any other, so the page asks every channel and needs all of them to agree.
 */
export type SignInBinding = (conversation: ConversationKey, request: Pick<Request, 'headers'>) => Promise<boolean>;

/**
 * A channel whose links can be forwarded with no browser to bind them to (WhatsApp) holds a sign-in that just
 * succeeded on the page: the session is not opened until the chat proves it is the one that asked. It returns the
 * code the page shows (to be sent from that chat within `minutes`), or undefined for conversations it does not hold.
 */
export type SignInHold = (reference: ConversationReferenceJson) => Promise<{ code: string; minutes: number } | undefined>;

/** An approved message template (WhatsApp utility template): its configured name, language and body parameters. */
export interface TemplateMessage {
  name: string;
  language: string;
  parameters: readonly string[];
}

/**
 * What a channel with a customer-service window offers proactive senders (case notifications, handoff relay): whether a
 * free-form message may be sent now to the conversation of `reference`, and how to send an approved template when not.
 * WhatsApp implements it (24 hours from the citizen's last own message); channels without a window leave it out.
 */
export interface ProactiveWindow {
  isOpen(reference: ConversationReferenceJson): Promise<boolean>;
  sendTemplate(reference: ConversationReferenceJson, template: TemplateMessage): Promise<void>;
}

/**
 * One channel of the assistant, as bot/app.ts wires it. Adding a channel means writing one folder that exports one
 * factory returning this object, and adding it to the list in app.ts.
 */
export interface Channel {
  /** Stable id ('directline', 'botframework', later 'whatsapp'); also the key of its attachment reader. */
  readonly id: string;
  /** The adapter that runs this channel's turns; its renderer is already installed on it. */
  readonly adapter: BotAdapter;
  /** Registers the channel's HTTP routes on the server. */
  registerRoutes(server: Server): void;
  /** Whether this channel can continue the conversation of `reference` (the first channel that says so does). */
  ownsReference(reference: ConversationReferenceJson): boolean;
  /** Runs `logic` in a proactive turn of the conversation of `reference` (one this channel handed out). */
  continueConversation(reference: ConversationReferenceJson, logic: TurnLogic): Promise<void>;
  /** Reads an attachment the citizen sent through this channel; absent when the channel cannot receive files. */
  readonly readAttachment?: AttachmentReader;
  /**
   * Replaces the stored text of an inbound activity in the channel's transcript, if it keeps one. The contract every
   * channel follows (Direct Line does it in `directline/turns.ts`; WhatsApp must do the same):
   * - after each inbound turn, when `isSensitiveInput(context)` (dialogs/shared/sensitive.ts) is true, call
   *   `redact(activity)` before the transcript can be read again: the turn carried a security answer or a clave (the
   *   dialogs mark every message that carries a clave, at any prompt and at the menu, in dialogs/shared/claveGuard.ts);
   * - the stored copy keeps the activity but its text becomes `REDACTED_TEXT`, and no earlier form of it survives;
   * - no link token (a sign-in `/ingresar?t=…` or download `/descargas/…` link) is kept usable in a stored
   *   transcript (Direct Line: `directline/linkTokens.ts`);
   * - a channel that keeps no transcript (Bot Framework: Azure and Teams keep theirs) implements it as a no-op.
   * Conversation state never needs redaction: a message that carries a clave never reaches a prompt, so no
   * recognised value or text of it is saved.
   */
  redact(activity: Partial<Activity>): Promise<void>;
  /** How a sign-in link is bound to the person holding a chat of this channel. */
  readonly signInBinding: SignInBinding;
  /** Present on channels whose free-form proactive messages are limited to a window (WhatsApp). */
  readonly proactiveWindow?: ProactiveWindow;
  /** Holds a completed sign-in until the chat confirms it (WhatsApp's forwarded-link defence); absent elsewhere. */
  readonly signInHold?: SignInHold;
  /** Starts the channel's background work (queues); called once the server listens. */
  start?(): void;
  /** Stops the background work and waits for it; called when the application closes. */
  stop?(): Promise<void>;
  /** The channel's renderer (installed on `adapter`), exposed for tests. */
  readonly render: ActivityRenderer;
}
