import type { Activity, BotAdapter } from 'botbuilder';
import type { ActivityRenderer } from './channel';

/**
 * Installs a channel's renderer on its adapter: every activity a turn sends (replies and proactive messages alike)
 * passes through `render` before the adapter delivers or stores it.
 */
export function installRenderer(adapter: BotAdapter, render: ActivityRenderer): void {
  adapter.use(async (context, next) => {
    context.onSendActivities(async (_context, activities: Partial<Activity>[], send) => {
      activities.forEach((activity, index) => {
        activities[index] = render(activity);
      });
      return send();
    });
    await next();
  });
}
