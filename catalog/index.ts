/**
 * The one copy catalog: every sentence a citizen or an agent reads (chat, e-mails, HTML pages, the PDF, document
 * refusals), as one typed object per locale, in the spirit of botbuilder-dialogs' PromptCultureModels. es-EC is
 * the only locale today. Code imports copy from here, never from a locale's files.
 */
import * as agentes from './es-EC/agentes';
import * as cases from './es-EC/cases';
import * as clave from './es-EC/clave';
import * as claveSolicitud from './es-EC/claveSolicitud';
import * as contact from './es-EC/contact';
import * as documents from './es-EC/documents';
import * as emails from './es-EC/emails';
import * as filing from './es-EC/filing';
import * as handoff from './es-EC/handoff';
import * as messages from './es-EC/messages';
import * as notificaciones from './es-EC/notificaciones';
import * as operaciones from './es-EC/operaciones';
import * as operator from './es-EC/operator';
import * as pages from './es-EC/pages';
import * as provincias from './es-EC/provincias';
import * as quejas from './es-EC/quejas';
import * as seguimiento from './es-EC/seguimiento';
import * as reinsercion from './es-EC/reinsercion';
import * as servicios from './es-EC/servicios';
import * as signin from './es-EC/signin';
import * as tramites from './es-EC/tramites';
import * as whatsapp from './es-EC/whatsapp';

export * from './es-EC/agentes';
export * from './es-EC/cases';
export * from './es-EC/clave';
export * from './es-EC/claveSolicitud';
export * from './es-EC/contact';
export * from './es-EC/documents';
export * from './es-EC/emails';
export * from './es-EC/filing';
export * from './es-EC/handoff';
export * from './es-EC/messages';
export * from './es-EC/notificaciones';
export * from './es-EC/operaciones';
export * from './es-EC/operator';
export * from './es-EC/pages';
export * from './es-EC/provincias';
export * from './es-EC/quejas';
export * from './es-EC/seguimiento';
export * from './es-EC/reinsercion';
export * from './es-EC/servicios';
export * from './es-EC/signin';
export * from './es-EC/tramites';
export * from './es-EC/whatsapp';

/** The es-EC catalog, section by section. */
export const esEC = {
  agentes,
  cases,
  clave,
  claveSolicitud,
  contact,
  documents,
  emails,
  filing,
  handoff,
  messages,
  notificaciones,
  operaciones,
  operator,
  pages,
  provincias,
  quejas,
  seguimiento,
  reinsercion,
  servicios,
  signin,
  tramites,
  whatsapp,
} as const;

/**
 * Everything the assistant says in one locale, in the spirit of botbuilder-dialogs' `PromptCultureModels`: one
 * object per locale with one property per section, each section a module of `catalog/<locale>/` (chat messages and
 * menus, trámite texts and clarification labels, case states, e-mails, pages, the PDF, document refusals). A new
 * locale is complete when its object has this type; code reads copy through it or the named exports of this file,
 * never from a locale's files.
 */
export type Catalog = { readonly [Section in keyof typeof esEC]: (typeof esEC)[Section] };

/** Locales the assistant speaks. */
export type Locale = 'es-EC';

/** Catalogs by locale. */
export const CATALOGS: Readonly<Record<Locale, Catalog>> = { 'es-EC': esEC };
