import { CardFactory, type Attachment } from 'botbuilder';
import { HANDOFF_AGENTE, HANDOFF_CANALES } from '../../catalog';
import type { HandoffView } from '../../core/usecases/handoff/ports';

/** Verb of the queue card's "Tomar" button (`adaptiveCard/action` invoke). */
export const TAKE_VERB = 'handoff.tomar';

/** Turns shown on the card: the last ones, already redacted by the citizen's channel. */
const CARD_TURNS = 8;

type CardElement = Record<string, unknown>;

function facts(handoff: HandoffView, maskedId: string | undefined): CardElement {
  return {
    type: 'FactSet',
    facts: [
      { title: HANDOFF_AGENTE.canal, value: HANDOFF_CANALES[handoff.channelId] ?? handoff.channelId },
      { title: HANDOFF_AGENTE.tema, value: handoff.tema ?? HANDOFF_AGENTE.sinTema },
      { title: HANDOFF_AGENTE.identificacion, value: maskedId ?? HANDOFF_AGENTE.sinIngreso },
    ],
  };
}

function turns(handoff: HandoffView): CardElement[] {
  const last = handoff.transcript.slice(-CARD_TURNS);
  if (last.length === 0) return [];
  return [
    { type: 'TextBlock', text: HANDOFF_AGENTE.ultimosMensajes, weight: 'Bolder', spacing: 'Medium' },
    ...last.map((t) => ({
      type: 'TextBlock',
      wrap: true,
      text: `${t.from === 'ciudadano' ? HANDOFF_AGENTE.ciudadano : HANDOFF_AGENTE.asistente}: ${t.text}`,
    })),
  ];
}

/**
 * The queue card (Adaptive Card 1.5) posted in the call-centre channel: channel, topic, masked identification and
 * the last turns. While waiting it has the "Tomar" Action.Execute; once taken or ended, the same card without it and
 * with "Tomada por …" (Teams shows the updated card to everyone).
 */
export function queueCard(handoff: HandoffView, maskedId: string | undefined): Attachment {
  const status =
    handoff.estado === 'EN_COLA'
      ? []
      : [
          {
            type: 'TextBlock',
            text: handoff.agentNombre ? HANDOFF_AGENTE.tomadaPor(handoff.agentNombre) : HANDOFF_AGENTE.terminada,
            weight: 'Bolder',
            color: 'Good',
          },
        ];
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: HANDOFF_AGENTE.tituloCola, weight: 'Bolder', size: 'Medium', wrap: true },
      facts(handoff, maskedId),
      ...turns(handoff),
      ...status,
    ],
    actions:
      handoff.estado === 'EN_COLA'
        ? [{ type: 'Action.Execute', title: HANDOFF_AGENTE.tomar, verb: TAKE_VERB, data: { handoffId: handoff.id } }]
        : [],
  });
}

/** The transcript sent to the agent who took the conversation, as plain text lines. */
export function transcriptText(handoff: HandoffView): string {
  const lines = handoff.transcript.map((t) => `${t.from === 'ciudadano' ? HANDOFF_AGENTE.ciudadano : HANDOFF_AGENTE.asistente}: ${t.text}`);
  return [HANDOFF_AGENTE.transcripcion, ...lines].join('\n');
}
