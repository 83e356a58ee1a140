import type { Channel, SignInBinding } from './channel';

/**
 * The sign-in binding of a channel list: a link may be used only when every channel agrees that the request comes
 * from the person holding the chat (each channel judges its own conversations and accepts the others').
 */
export function signInBindingOf(channels: readonly Pick<Channel, 'signInBinding'>[]): SignInBinding {
  return async (conversation, request) => {
    for (const channel of channels) if (!(await channel.signInBinding(conversation, request))) return false;
    return true;
  };
}
