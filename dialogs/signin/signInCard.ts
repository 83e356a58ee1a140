import type { Activity } from 'botbuilder';
import { SIGNIN } from '../../catalog';
import { outboundActivity } from '../shared/replies';

/**
 * The sign-in message: plain instructions (the clave goes only on the IESS page, how long the link lasts) and a
 * sign-in request whose one button opens the link. Each channel renders it its own way (a SigninCard in Web Chat,
 * a cta_url button on WhatsApp).
 */
export function signInMessage(options: { url: string; expiresInMinutes: number; motivo?: string }): Partial<Activity> {
  return outboundActivity({
    text: SIGNIN.instrucciones(options.expiresInMinutes, options.motivo),
    choices: [],
    signIn: { url: options.url, label: SIGNIN.boton, cardText: SIGNIN.textoTarjeta },
  });
}
