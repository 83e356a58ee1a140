import { type Attachment, CardFactory } from 'botbuilder';
import { AGENTES, AGENTES_CASO, AGENTES_DESBLOQUEO, ESTADO_NOMBRE, TIPO_NOMBRE } from '../../catalog';
import type { CaseStateName } from '../../core/domain/cases';
import { normalizeIdentificacion } from '../../core/domain/identification';
import type { Clock } from '../../core/ports';
import { readCaseAudit } from '../../core/usecases/agents/caseAudit';
import { findDeskCases, type DeskActor, type DeskQuery } from '../../core/usecases/agents/findDeskCases';
import { MAX_MOVE_NOTE_CHARS, moveDeskCase } from '../../core/usecases/agents/moveDeskCase';
import type { AuditLog, DeskCaseStore, DeskCaseView, RecoveryUnblockPort, StaffDirectory } from '../../core/usecases/agents/ports';
import { UNBLOCK_REASON_CHARS, unblockRecoveryForCitizen } from '../../core/usecases/agents/unblockRecovery';
import { auditCard, caseCard, caseSummaryCard, type AdaptiveCard } from './caseCard';
import type { AgentInvokeResult } from './feature';
import { cardError, cardRefresh } from './invoke';

/** What the case desk's actions are built from (wired once in bot/app.ts). */
export interface CaseDeskOptions {
  store: DeskCaseStore;
  audit: AuditLog;
  staff: StaffDirectory;
  recovery: RecoveryUnblockPort;
  clock: Clock;
  /** A personal short-lived download URL of one case document for one staff member. */
  documentLink(options: { documentId: string; staffId: string; caseNumero: string }): Promise<string>;
  /** How long those links work, in minutes (shown on the card). */
  linkMinutes: number;
}

/** Data of a move button as it comes back in the invoke (plus the note input). */
export interface MoveData {
  numero: string;
  desde: CaseStateName;
  version: number;
  hacia: string;
  nota?: string;
}

/** The case desk's actions, shared by the chat commands, the card buttons and the message extension. */
export class DeskActions {
  constructor(private readonly options: CaseDeskOptions) {}

  /** The full card of a case for `actor`, with fresh document links. */
  async fullCard(view: DeskCaseView, actor: DeskActor, notice?: string): Promise<AdaptiveCard> {
    const links = new Map<string, string>();
    for (const d of view.documentos) {
      links.set(d.id, await this.options.documentLink({ documentId: d.id, staffId: actor.staffId, caseNumero: view.numero }));
    }
    return caseCard(view, { links, linkMinutes: this.options.linkMinutes, notice });
  }

  /** Cases matching a query (audited), or undefined when the role may not search. */
  async search(actor: DeskActor, query: DeskQuery, action?: 'case.search' | 'case.view'): Promise<DeskCaseView[] | undefined> {
    const { store, audit, clock } = this.options;
    const result = await findDeskCases({ store, audit, clock, actor, query, action });
    return result.outcome === 'ok' ? result.cases : undefined;
  }

  /** The chat answer to a search: a text when nothing is found, else one card per case. */
  async searchReply(actor: DeskActor, query: DeskQuery): Promise<{ text?: string; attachments?: Attachment[] }> {
    const cases = await this.search(actor, query);
    if (!cases) return { text: AGENTES.sinPermiso };
    if (!cases.length) return { text: AGENTES_CASO.noEncontrado };
    const attachments = await Promise.all(cases.map(async (c) => CardFactory.adaptiveCard(await this.fullCard(c, actor))));
    return { text: cases.length > 1 ? AGENTES_CASO.varios(cases.length) : undefined, attachments };
  }

  /** Message-extension results: a summary card per case, with a thumbnail preview. */
  async extensionAttachments(actor: DeskActor, query: DeskQuery): Promise<Attachment[] | undefined> {
    const cases = await this.search(actor, query);
    return cases?.map((c) => ({
      ...CardFactory.adaptiveCard(caseSummaryCard(c)),
      preview: CardFactory.thumbnailCard(c.numero, `${TIPO_NOMBRE[c.tipo]} · ${ESTADO_NOMBRE[c.estado]}`),
    }));
  }

  /** `caso.ver`: the case card redrawn in its current state. */
  async view(actor: DeskActor, numero: string): Promise<AgentInvokeResult> {
    const [found] = (await this.search(actor, { kind: 'numero', numero }, 'case.view')) ?? [];
    if (!found) return cardError(404, 'NotFound', AGENTES_CASO.noEncontrado);
    return cardRefresh(await this.fullCard(found, actor));
  }

  /** `caso.mover`: the move, answered with the card in its new (or, when refused, current) state. */
  async move(actor: DeskActor, data: MoveData): Promise<AgentInvokeResult> {
    const { store, audit, clock } = this.options;
    const result = await moveDeskCase({ store, audit, clock, actor, ...data });
    switch (result.outcome) {
      case 'moved':
        return cardRefresh(await this.fullCard(result.view, actor, AGENTES_CASO.movido(result.view.estado)));
      case 'stale':
        return cardRefresh(await this.fullCard(result.view, actor, AGENTES_CASO.desactualizado(result.view.estado)));
      case 'not_allowed':
        return cardRefresh(await this.fullCard(result.view, actor, AGENTES_CASO.noPermitido(result.view.estado)));
      case 'note_required':
        return cardError(400, 'BadRequest', AGENTES_CASO.notaObligatoria);
      case 'note_too_long':
        return cardError(400, 'BadRequest', AGENTES_CASO.notaLarga(MAX_MOVE_NOTE_CHARS));
      case 'denied':
        return cardError(403, 'Forbidden', AGENTES.sinPermiso);
      case 'not_found':
        return cardError(404, 'NotFound', AGENTES_CASO.noEncontrado);
    }
  }

  /** `caso.auditoria`: the audit card of the case. */
  async auditOf(actor: DeskActor, numero: string): Promise<AdaptiveCard | undefined> {
    const { audit, clock, staff } = this.options;
    const result = await readCaseAudit({ audit, clock, actor, numero });
    if (result.outcome !== 'ok') return undefined;
    const names = await staff.namesOf(result.entries.flatMap((e) => (e.staffId ? [e.staffId] : [])));
    return auditCard(numero, result.entries, names);
  }

  /** `desbloquear <identificación> <motivo>`: the supervisor's unblock, answered with one sentence. */
  async unblock(actor: DeskActor, identificacionText: string, motivo: string): Promise<string> {
    const identificacion = normalizeIdentificacion(identificacionText);
    if (!identificacion) return AGENTES_DESBLOQUEO.identificacionNoValida;
    const { recovery, audit, clock } = this.options;
    const { outcome } = await unblockRecoveryForCitizen({ recovery, audit, clock, actor, identificacion, motivo });
    const answers = {
      unblocked: AGENTES_DESBLOQUEO.hecho,
      not_blocked: AGENTES_DESBLOQUEO.noBloqueado,
      denied: AGENTES_DESBLOQUEO.sinPermiso,
      reason_required: AGENTES_DESBLOQUEO.motivoObligatorio(UNBLOCK_REASON_CHARS.min),
      reason_too_long: AGENTES_DESBLOQUEO.motivoLargo(UNBLOCK_REASON_CHARS.max),
    } as const;
    return answers[outcome];
  }
}
