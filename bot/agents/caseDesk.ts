import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import { AGENTES, AGENTES_CASO, AGENTES_DESBLOQUEO } from '../../catalog';
import type { CaseStateName } from '../../core/domain/cases';
import { parseDeskQuery, type DeskActor } from '../../core/usecases/agents/findDeskCases';
import { DESK_VERBS, NOTE_INPUT_ID } from './caseCard';
import { DeskActions, type CaseDeskOptions, type MoveData } from './deskActions';
import type { AgentFeature, AgentIdentity, AgentInvokeResult } from './feature';
import { cardError, cardRefresh, extensionMessage, extensionResults, TEAMS_INVOKES } from './invoke';
import { agentText } from './router';

export type { CaseDeskOptions } from './deskActions';

/** Command id of the search message extension (teams/manifest.json). */
export const SEARCH_COMMAND_ID = 'buscarTramite';

/** Teams waits 5 s for a message-extension answer; the search gives up a little before. */
export const SEARCH_TIMEOUT_MS = 4500;

const SEARCH = /^(?:buscar|ver|caso|tr[aá]mite)\s+(.+)$/i;
const AUDIT = /^auditor[ií]a\s+(.+)$/i;
const UNBLOCK = /^desbloquear(?:\s+(\S+))?(?:\s+([\s\S]*))?$/i;

const actorOf = (agent: AgentIdentity): DeskActor => ({ staffId: agent.staffId, nombre: agent.nombre, rol: agent.rol });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The move data of a card action, or undefined when it is not the shape our cards send. */
function moveDataOf(data: Record<string, unknown>): MoveData | undefined {
  const { numero, desde, version, hacia } = data;
  const nota = data[NOTE_INPUT_ID];
  if (typeof numero !== 'string' || typeof desde !== 'string' || typeof hacia !== 'string') return undefined;
  if (typeof version !== 'number' || !Number.isInteger(version)) return undefined;
  if (nota !== undefined && typeof nota !== 'string') return undefined;
  return { numero, desde: desde as CaseStateName, version, hacia, nota };
}

/** Resolves with `work`, or with `fallback` once `ms` have passed. */
function within<T>(ms: number, work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The case desk: find a case by number or cédula/código (chat command and search message extension), move it with
 * the card's Action.Execute buttons, see its audit, and (supervisors) unblock a person's online clave recovery.
 */
export function createCaseDeskFeature(options: CaseDeskOptions): AgentFeature {
  const actions = new DeskActions(options);

  async function onMessage(context: TurnContext, agent: AgentIdentity): Promise<boolean> {
    const text = agentText(context);
    const actor = actorOf(agent);
    const unblock = UNBLOCK.exec(text);
    if (unblock) {
      const answer = unblock[1] ? await actions.unblock(actor, unblock[1], unblock[2] ?? '') : AGENTES_DESBLOQUEO.uso;
      await context.sendActivity(answer);
      return true;
    }
    const audit = AUDIT.exec(text);
    if (audit) {
      const query = parseDeskQuery(audit[1]);
      if (query?.kind !== 'numero') await context.sendActivity(AGENTES_CASO.busquedaNoValida);
      else {
        const card = await actions.auditOf(actor, query.numero);
        await context.sendActivity(card ? { attachments: [CardFactory.adaptiveCard(card)] } : AGENTES.sinPermiso);
      }
      return true;
    }
    const search = SEARCH.exec(text);
    const query = parseDeskQuery(search ? search[1] : text);
    if (!query) {
      if (!search) return false;
      await context.sendActivity(AGENTES_CASO.busquedaNoValida);
      return true;
    }
    const reply = await actions.searchReply(actor, query);
    await context.sendActivity({ type: ActivityTypes.Message, ...reply, attachmentLayout: 'carousel' });
    return true;
  }

  async function onCardAction(context: TurnContext, agent: AgentIdentity): Promise<AgentInvokeResult | undefined> {
    const value = isRecord(context.activity.value) ? context.activity.value : {};
    const action = isRecord(value.action) ? value.action : {};
    const verb = action.verb;
    if (verb !== DESK_VERBS.view && verb !== DESK_VERBS.move && verb !== DESK_VERBS.audit) return undefined;
    const data = isRecord(action.data) ? action.data : {};
    const actor = actorOf(agent);
    if (verb === DESK_VERBS.move) {
      const move = moveDataOf(data);
      return move ? actions.move(actor, move) : cardError(400, 'BadRequest', AGENTES_CASO.datosNoValidos);
    }
    const query = typeof data.numero === 'string' ? parseDeskQuery(data.numero) : undefined;
    if (query?.kind !== 'numero') return cardError(400, 'BadRequest', AGENTES_CASO.datosNoValidos);
    if (verb === DESK_VERBS.view) return actions.view(actor, query.numero);
    const card = await actions.auditOf(actor, query.numero);
    return card ? cardRefresh(card) : cardError(403, 'Forbidden', AGENTES.sinPermiso);
  }

  async function onExtensionQuery(context: TurnContext, agent: AgentIdentity): Promise<AgentInvokeResult | undefined> {
    const value = isRecord(context.activity.value) ? context.activity.value : {};
    if (value.commandId !== SEARCH_COMMAND_ID) return undefined;
    const parameters = Array.isArray(value.parameters) ? value.parameters.filter(isRecord) : [];
    const typed = parameters.find((p) => p.name !== 'initialRun' && typeof p.value === 'string');
    const query = typeof typed?.value === 'string' ? parseDeskQuery(typed.value) : undefined;
    if (!query) return extensionMessage(AGENTES_CASO.busquedaNoValida);
    const work = actions.extensionAttachments(actorOf(agent), query).then((attachments) => {
      if (!attachments) return extensionMessage(AGENTES.sinPermiso);
      return attachments.length ? extensionResults(attachments) : extensionMessage(AGENTES_CASO.noEncontrado);
    });
    return within(SEARCH_TIMEOUT_MS, work, extensionMessage(AGENTES.busquedaNoDisponible));
  }

  return {
    name: 'caseDesk',
    onMessage,
    async onInvoke(context, agent) {
      if (context.activity.name === TEAMS_INVOKES.cardAction) return onCardAction(context, agent);
      if (context.activity.name === TEAMS_INVOKES.messageExtensionQuery) return onExtensionQuery(context, agent);
      return undefined;
    },
  };
}
