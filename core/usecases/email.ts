/** How use cases turn catalog e-mail content into an outbox message: the layout is injected (bot/mail/layout.ts). */
import type { EmailContent } from '../../catalog';
import type { OutboxMessage } from '../ports';

/** Renders e-mail content (without its subject) into plain-text and HTML bodies. */
export type EmailRenderer = (content: Omit<EmailContent, 'subject'>) => { text: string; html: string };

/** An outbox message for one address from catalog content, rendered with the injected layout. */
export function composeEmail(render: EmailRenderer, to: string, content: EmailContent, dedupKey?: string): OutboxMessage {
  return { to, subject: content.subject, dedupKey, ...render(content) };
}
