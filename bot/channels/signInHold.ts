import type { Channel, SignInHold } from './channel';

/** The sign-in hold of a channel list: the first channel that holds the conversation's sign-in answers. */
export function signInHoldOf(channels: readonly Pick<Channel, 'signInHold'>[]): SignInHold {
  return async (reference) => {
    for (const channel of channels) {
      const held = await channel.signInHold?.(reference);
      if (held) return held;
    }
    return undefined;
  };
}
