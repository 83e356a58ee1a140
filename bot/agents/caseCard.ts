import { AGENTES_AUDITORIA, AGENTES_CASO, ESTADO_NOMBRE, formatFecha, TIPO_NOMBRE } from '../../catalog';
import { AGENT_CASE_TRANSITIONS, type CaseStateName } from '../../core/domain/cases';
import type { AuditRecord, DeskCaseView } from '../../core/usecases/agents/ports';
import { MAX_MOVE_NOTE_CHARS } from '../../core/usecases/agents/moveDeskCase';

/** Verbs of the case desk's Action.Execute buttons (the `verb` of their `adaptiveCard/action` invokes). */
export const DESK_VERBS = { view: 'caso.ver', move: 'caso.mover', audit: 'caso.auditoria' } as const;

/** Id of the note input on the case card (its value arrives in the action's data). */
export const NOTE_INPUT_ID = 'nota';

/** An Adaptive Card 1.5 as Teams renders it. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
}

const card = (body: Record<string, unknown>[], actions?: Record<string, unknown>[]): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...(actions?.length ? { actions } : {}),
});

const text = (value: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});
const heading = (value: string): Record<string, unknown> => text(value, { weight: 'Bolder', spacing: 'Medium' });
const execute = (title: string, verb: string, data: Record<string, unknown>): Record<string, unknown> => ({
  type: 'Action.Execute',
  title,
  verb,
  data,
});

/** The facts of a case: type, state, dates and the citizen's masked contact. */
function facts(view: DeskCaseView): Record<string, unknown> {
  const { ciudadano: c } = view;
  return {
    type: 'FactSet',
    facts: [
      { title: AGENTES_CASO.tipo, value: TIPO_NOMBRE[view.tipo] },
      { title: AGENTES_CASO.estado, value: ESTADO_NOMBRE[view.estado] },
      { title: AGENTES_CASO.creado, value: formatFecha(view.creado) },
      { title: AGENTES_CASO.actualizado, value: formatFecha(view.actualizado) },
      { title: AGENTES_CASO.ciudadano, value: `${c.nombres} ${c.apellidos}` },
      { title: AGENTES_CASO.identificacion, value: c.identificacionMasked },
      { title: AGENTES_CASO.correo, value: c.emailMasked ?? AGENTES_CASO.sinDato },
      { title: AGENTES_CASO.telefono, value: c.telefonoMasked ?? AGENTES_CASO.sinDato },
    ],
  };
}

/** The history, one line per state change, with its note for the citizen and who made it. */
function history(view: DeskCaseView): Record<string, unknown>[] {
  return view.eventos.map((e) => ({
    type: 'Container',
    items: [
      text(AGENTES_CASO.evento(e.estado, e.fecha), { weight: 'Bolder', size: 'Small' }),
      ...(e.nota ? [text(e.nota, { size: 'Small' })] : []),
      ...(e.autor ? [text(AGENTES_CASO.autor(e.autor), { size: 'Small', isSubtle: true })] : []),
    ],
  }));
}

/** Options of the full case card. */
export interface CaseCardOptions {
  /** Download URL of each document, by document id (links for this staff member only). */
  links: ReadonlyMap<string, string>;
  linkMinutes: number;
  /** A line shown first: the outcome of the action that drew this card. */
  notice?: string;
}

/**
 * The case desk card: facts, history with notes, each document as a personal short-lived link, the note input and
 * one Action.Execute per allowed move (carrying the state and version the card shows, so a stale card is refused),
 * and buttons to refresh and to see the audit.
 */
export function caseCard(view: DeskCaseView, options: CaseCardOptions): AdaptiveCard {
  const moves = AGENT_CASE_TRANSITIONS[view.estado];
  const base = { numero: view.numero, desde: view.estado, version: view.version };
  const documents = view.documentos.length
    ? [
        text(AGENTES_CASO.enlaceDocumentos(options.linkMinutes), { size: 'Small', isSubtle: true }),
        {
          type: 'ActionSet',
          actions: view.documentos.map((d) => ({ type: 'Action.OpenUrl', title: d.nombre, url: options.links.get(d.id) ?? '' })),
        },
      ]
    : [text(AGENTES_CASO.sinDocumentos, { isSubtle: true })];
  const moveBlock = moves.length
    ? [
        {
          type: 'Input.Text',
          id: NOTE_INPUT_ID,
          label: AGENTES_CASO.notaEtiqueta,
          placeholder: AGENTES_CASO.notaAyuda,
          isMultiline: true,
          maxLength: MAX_MOVE_NOTE_CHARS,
        },
        { type: 'ActionSet', actions: moves.map((hacia) => execute(AGENTES_CASO.mover(hacia), DESK_VERBS.move, { ...base, hacia })) },
      ]
    : [text(AGENTES_CASO.sinMovimientos, { isSubtle: true })];
  return card(
    [
      ...(options.notice ? [text(options.notice, { weight: 'Bolder', color: 'Accent' })] : []),
      text(AGENTES_CASO.titulo(view.numero), { size: 'Medium', weight: 'Bolder' }),
      facts(view),
      heading(AGENTES_CASO.historial),
      ...history(view),
      heading(AGENTES_CASO.documentos),
      ...documents,
      ...moveBlock,
    ],
    [
      execute(AGENTES_CASO.actualizar, DESK_VERBS.view, { numero: view.numero }),
      execute(AGENTES_CASO.verAuditoria, DESK_VERBS.audit, { numero: view.numero }),
    ],
  );
}

/** A case without documents or contact, for a message-extension result (it may be posted where others read it). */
export function caseSummaryCard(view: DeskCaseView): AdaptiveCard {
  return card(
    [
      text(AGENTES_CASO.titulo(view.numero), { size: 'Medium', weight: 'Bolder' }),
      {
        type: 'FactSet',
        facts: [
          { title: AGENTES_CASO.tipo, value: TIPO_NOMBRE[view.tipo] },
          { title: AGENTES_CASO.estado, value: ESTADO_NOMBRE[view.estado] },
          { title: AGENTES_CASO.creado, value: formatFecha(view.creado) },
          { title: AGENTES_CASO.actualizado, value: formatFecha(view.actualizado) },
        ],
      },
    ],
    [execute(AGENTES_CASO.actualizar, DESK_VERBS.view, { numero: view.numero })],
  );
}

/** The audit line's action: its name, and the target state of a move. */
function actionLabel(entry: AuditRecord): string {
  const name = AGENTES_AUDITORIA.acciones[entry.action] ?? entry.action;
  const after = entry.after as { estado?: unknown } | undefined;
  const estado = typeof after?.estado === 'string' && after.estado in ESTADO_NOMBRE ? (after.estado as CaseStateName) : undefined;
  return entry.action === 'case.move' && estado ? AGENTES_AUDITORIA.haciaEstado(name, estado) : name;
}

/** The audit card of a case: the latest entries, who, what and how it ended, and a way back to the case. */
export function auditCard(numero: string, entries: readonly AuditRecord[], names: ReadonlyMap<string, string>): AdaptiveCard {
  const lines = entries.map((e) =>
    text(
      AGENTES_AUDITORIA.linea(
        e.at,
        (e.staffId && names.get(e.staffId)) || AGENTES_AUDITORIA.desconocido,
        actionLabel(e),
        e.outcome === 'ok' ? AGENTES_AUDITORIA.resultadoOk : AGENTES_AUDITORIA.resultadoOtro,
      ),
      { size: 'Small' },
    ),
  );
  return card(
    [
      text(AGENTES_AUDITORIA.titulo(numero), { size: 'Medium', weight: 'Bolder' }),
      ...(lines.length ? lines : [text(AGENTES_AUDITORIA.vacia)]),
    ],
    [execute(AGENTES_CASO.volver, DESK_VERBS.view, { numero })],
  );
}
