import { outboundOf, withoutOutbound } from '../../../dialogs/shared/replies';
import type { ActivityRenderer } from '../channel';

/**
 * The Direct Line (Web Chat) renderer. Web Chat shows the generic Bot Framework form that every reply already
 * carries (text, an imBack suggested action for every choice, a SigninCard for sign-in) with no limit to apply, so
 * rendering only removes the neutral message from channelData: what Web Chat receives is exactly what it did before
 * the neutral model existed.
 */
export const renderDirectLine: ActivityRenderer = (activity) => (outboundOf(activity) ? withoutOutbound(activity) : activity);
