import type { Dialog } from 'botbuilder-dialogs';
import type { TramiteId } from '../core/domain/tramites';
import type { DialogDependencies } from './dependencies';
import { ObtenerClaveDialog, OBTENER_CLAVE_DIALOG } from './clave/obtenerClaveDialog';
import { RecuperarClaveDialog, RECUPERAR_CLAVE_DIALOG } from './clave/recuperarClaveDialog';
import { ReinsercionDialog, REINSERCION_DIALOG } from './reinsercion/reinsercionDialog';
import { ReliquidacionDialog, RELIQUIDACION_DIALOG } from './reliquidacion/reliquidacionDialog';

/** How a trámite's journey is built: its dialog's id and a factory taking the dialog dependencies. */
export interface TramiteDialog {
  /** Id the parent begins. */
  readonly dialogId: string;
  /** Builds the journey's ComponentDialog. */
  readonly create: (deps: DialogDependencies) => Dialog;
}

/**
 * The trámite registry's dialog half, keyed by the ids of core/domain/tramites.ts (a registered trámite without a
 * dialog is a type error). A filed trámite's journey runs inside the signed-in journey and receives the citizen
 * in its options; the others are begun by the root dialog.
 */
export const TRAMITE_DIALOGS: Readonly<Record<TramiteId, TramiteDialog>> = {
  reliquidacion: { dialogId: RELIQUIDACION_DIALOG, create: (deps) => new ReliquidacionDialog(deps) },
  reinsercion: { dialogId: REINSERCION_DIALOG, create: (deps) => new ReinsercionDialog(deps) },
  clave_obtener: { dialogId: OBTENER_CLAVE_DIALOG, create: (deps) => new ObtenerClaveDialog(deps) },
  clave_recuperar: { dialogId: RECUPERAR_CLAVE_DIALOG, create: (deps) => new RecuperarClaveDialog(deps) },
};
