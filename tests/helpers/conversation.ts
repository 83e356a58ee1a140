import type { Activity } from 'botbuilder';
import type { DialogTestClient } from 'botbuilder-testing';

/** One expected bot message: its exact text (or a pattern) and, when given, its exact quick-reply buttons. */
export type BotLine = string | RegExp | { text: string | RegExp; options: readonly string[] };

/** One turn of a conversation table: what the citizen writes and every message the bot answers, in order. */
export interface Turn {
  user: string;
  bot: readonly BotLine[];
}

function optionsOf(activity: Partial<Activity>): string[] {
  return (activity.suggestedActions?.actions ?? []).map((a) => String(a.title ?? a.value));
}

/** Plays a conversation table against a DialogTestClient and checks each reply and that nothing more was sent. */
export async function playConversation(client: DialogTestClient, turns: readonly Turn[]): Promise<void> {
  for (const [index, turn] of turns.entries()) {
    let pending = (await client.sendActivity(turn.user)) as Partial<Activity> | undefined;
    for (const expected of turn.bot) {
      const activity = pending;
      pending = client.getNextReply() as Partial<Activity> | undefined;
      const where = `turno ${index + 1} ("${turn.user}")`;
      if (!activity)
        throw new Error(
          `${where}: se esperaba "${String(typeof expected === 'object' && 'text' in expected ? expected.text : expected)}" y el bot no respondió más`,
        );
      const text = activity.text ?? '';
      const pattern = typeof expected === 'object' && !(expected instanceof RegExp) ? expected.text : expected;
      if (pattern instanceof RegExp) expect({ where, text }).toEqual({ where, text: expect.stringMatching(pattern) });
      else expect({ where, text }).toEqual({ where, text: pattern });
      if (typeof expected === 'object' && !(expected instanceof RegExp)) {
        expect({ where, options: optionsOf(activity) }).toEqual({ where, options: [...expected.options] });
      }
    }
    expect({ turn: index + 1, extra: pending?.text }).toEqual({ turn: index + 1, extra: undefined });
  }
}
