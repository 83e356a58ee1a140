import type { Activity } from 'botbuilder';
import { MENU_OPCIONES, MSG } from '../../catalog';
import type { IntentName, NluResult } from '../../nlu';
import { reply } from '../shared/replies';
import { contactoAnswer } from '../servicios/contacto';
import { serviciosGeneralAnswer } from '../servicios/answer';

/**
 * The one-message answer of an intent that starts no journey (greeting, thanks, help, contacts, the general list of
 * services, out of domain), or undefined for an intent that starts one. `nlu` is absent for a tapped button.
 */
export function conversationalReply(intent: IntentName, nlu: NluResult | undefined, text: string): Partial<Activity> | undefined {
  switch (intent) {
    case 'saludo':
      return reply(MSG.saludo, MENU_OPCIONES);
    case 'despedida':
      return reply(MSG.despedida);
    case 'agradecimiento':
      return reply(MSG.deNada, MENU_OPCIONES);
    case 'ayuda':
      return reply(MSG.ayuda, MENU_OPCIONES);
    case 'cancelar':
      return reply(MSG.nadaQueCancelar, MENU_OPCIONES);
    case 'contacto':
      return reply(nlu ? contactoAnswer(text) : MSG.contacto, MENU_OPCIONES);
    case 'info_servicio': {
      const general = serviciosGeneralAnswer();
      return reply(general.text, general.choices);
    }
    case 'fuera_de_dominio':
      return reply(nlu?.ranking[0]?.intent === 'fuera_de_dominio' ? MSG.fueraDeDominio : MSG.noEntendi, MENU_OPCIONES);
    default:
      return undefined;
  }
}
