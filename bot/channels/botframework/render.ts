import { CardFactory, type Activity, type Attachment } from 'botbuilder';
import type { OutboundMessage } from '../../../core/domain/outbound';
import { outboundOf, withoutOutbound } from '../../../dialogs/shared/replies';
import type { ActivityRenderer } from '../channel';

/** Teams shows at most this many suggested actions; more choices go into a card. */
export const TEAMS_MAX_SUGGESTED_ACTIONS = 3;
/** Buttons per row of the Teams choice card (an Adaptive Card ActionSet), so none is pushed into an overflow menu. */
export const TEAMS_ACTIONS_PER_SET = 5;

/**
 * The Adaptive Card (1.5, the newest Teams renders) for choices that do not fit in suggested actions: one
 * Action.Submit per choice, in ActionSets of {@link TEAMS_ACTIONS_PER_SET}. Each button's data is Teams'
 * `msteams.imBack`, so a tap posts the choice text back as the citizen's message, exactly like a suggested action.
 * An Adaptive Card is used rather than a HeroCard because Teams caps HeroCard buttons at six.
 */
export function teamsChoiceCard(choices: readonly string[]): Attachment {
  const sets: { type: 'ActionSet'; actions: unknown[] }[] = [];
  for (let i = 0; i < choices.length; i += TEAMS_ACTIONS_PER_SET) {
    const actions = choices.slice(i, i + TEAMS_ACTIONS_PER_SET).map((choice) => ({
      type: 'Action.Submit',
      title: choice,
      data: { msteams: { type: 'imBack', value: choice } },
    }));
    sets.push({ type: 'ActionSet', actions });
  }
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: sets,
  });
}

function renderTeams(activity: Partial<Activity>, message: OutboundMessage): Partial<Activity> {
  const rendered = withoutOutbound(activity);
  if (message.choices.length <= TEAMS_MAX_SUGGESTED_ACTIONS) return rendered;
  const { suggestedActions: _dropped, ...rest } = rendered;
  return { ...rest, attachments: [...(rest.attachments ?? []), teamsChoiceCard(message.choices)] };
}

/**
 * The renderer of /api/messages (Azure Bot Service channels and the Emulator): the generic Bot Framework form the
 * reply carries, without the neutral message. On Teams (`channelId === 'msteams'`) at most
 * {@link TEAMS_MAX_SUGGESTED_ACTIONS} choices stay suggested actions; more become one {@link teamsChoiceCard}.
 */
export const renderBotFramework: ActivityRenderer = (activity) => {
  const message = outboundOf(activity);
  if (!message) return activity;
  return activity.channelId === 'msteams' ? renderTeams(activity, message) : withoutOutbound(activity);
};
