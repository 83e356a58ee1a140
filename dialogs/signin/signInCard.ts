import { CardFactory, type Activity } from 'botbuilder';
import { SIGNIN } from '../../catalog/es-EC/signin';
import { reply } from '../shared/replies';

/**
 * The sign-in message: plain instructions (the clave goes only on the IESS page, how long the link lasts) and a
 * Bot Framework SigninCard whose one button opens the link. Each channel renders the card its own way.
 */
export function signInMessage(options: { url: string; expiresInMinutes: number; motivo?: string }): Partial<Activity> {
  return {
    ...reply(SIGNIN.instrucciones(options.expiresInMinutes, options.motivo)),
    attachments: [CardFactory.signinCard(SIGNIN.boton, options.url, SIGNIN.textoTarjeta)],
  };
}
