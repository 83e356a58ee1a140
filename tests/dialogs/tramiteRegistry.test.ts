import lexicon from '../../nlu/data/lexicon.json';
import { CLARIFY_LABELS, SIGNIN_MOTIVO, TRAMITE_TEXTOS, TRAMITES } from '../../catalog';
import {
  CASE_PREFIXES,
  FILED_TRAMITE_IDS,
  TRAMITE_IDS,
  TRAMITE_MENTIONS,
  TRAMITES_REGISTRY,
  tramitesMentioned,
} from '../../core/domain/tramites';
import { INTENTS } from '../../nlu';
import { TRAMITE_DIALOGS } from '../../dialogs/tramites';

describe('trámite registry', () => {
  it.each(TRAMITE_IDS)('%s has catalog texts (requisitos) and a clarification label', (id) => {
    expect(TRAMITE_TEXTOS[id].id).toBe(id);
    expect(TRAMITE_TEXTOS[id].secciones.length).toBeGreaterThan(0);
    expect(TRAMITE_TEXTOS[id].etiqueta).not.toBe('');
    expect(CLARIFY_LABELS[id]).toBe(TRAMITE_TEXTOS[id].aclarar);
    expect(CLARIFY_LABELS[id]).not.toBe('');
  });

  it('lists the texts in registry order', () => {
    expect(TRAMITES.map((t) => t.id)).toEqual(TRAMITE_IDS);
  });

  it.each(FILED_TRAMITE_IDS)('filed trámite %s has a dialog, a case type and a sign-in reason', (id) => {
    expect(TRAMITE_DIALOGS[id].dialogId).not.toBe('');
    expect(typeof TRAMITE_DIALOGS[id].create).toBe('function');
    expect(TRAMITES_REGISTRY.find((t) => t.id === id)).toHaveProperty('caseType');
    expect(SIGNIN_MOTIVO[id]).not.toBe('');
  });

  it('gives every trámite its own dialog id', () => {
    const ids = TRAMITE_IDS.map((id) => TRAMITE_DIALOGS[id].dialogId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every case type a unique prefix of two capital letters', () => {
    const prefixes = TRAMITES_REGISTRY.flatMap((t) => ('prefix' in t ? [t.prefix] : []));
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(prefixes.every((p) => /^[A-Z]{2}$/.test(p))).toBe(true);
    expect(Object.values(CASE_PREFIXES).sort()).toEqual([...prefixes].sort());
  });

  it('makes every trámite an intent of the NLU, and every intent a clarification label', () => {
    for (const id of TRAMITE_IDS) expect(INTENTS).toContain(id);
    expect(Object.keys(CLARIFY_LABELS).sort()).toEqual([...INTENTS].sort());
  });

  it('has one lexicon entry per mention the NLU may find, and each mention names a trámite', () => {
    expect(Object.keys(lexicon.tramites).sort()).toEqual([...TRAMITE_MENTIONS].sort());
    for (const mention of TRAMITE_MENTIONS) expect(tramitesMentioned(mention).length).toBeGreaterThan(0);
  });
});
