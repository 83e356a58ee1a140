import { CONDICION_NOMBRE } from '../../catalog/es-EC/cases';
import { consideracionesClave, DOCUMENTOS_ENTREGA_CLAVE } from '../../catalog/es-EC/claveSolicitud';
import { OBTENER } from '../../catalog/es-EC/clave';
import { claveRequestEmail, employerClaveRequestEmail } from '../../catalog/es-EC/emails';
import type { ClaveRequestPort, Clock } from '../../core/ports';
import { maskEmail, maskPhone } from '../../core/domain/masking';
import type { PrismaClient } from '../../prisma/client';
import type { Store } from '../../prisma/store';
import { fileClaveRequest, getClaveRequestProfile } from '../../prisma/store/claveRequest';
import { createDownload } from '../../prisma/store/downloads';
import type { OutboxMessage } from '../../prisma/store/outbox';
import { renderSolicitudClavePdf } from '../documents/solicitudClavePdf';
import type { FileStorage } from '../fileStorage';

/** How long the printable solicitud can be downloaded from the chat link. */
export const SOLICITUD_LINK_TTL_SECONDS = 24 * 3600;

/**
 * First-clave requests: reads the store, files the case with its e-mails, and for those who print their own
 * solicitud renders the PDF and gives a short-lived link to it.
 */
export function createClaveRequestService(options: {
  prisma: PrismaClient;
  store: Store;
  documents: FileStorage;
  clock: Clock;
  downloadUrl: (token: string) => string;
}): ClaveRequestPort {
  const { prisma, store, clock } = options;
  return {
    async lookup(identificacion) {
      const p = await getClaveRequestProfile(prisma, { identificacion });
      if (!p) return undefined;
      return {
        nombres: p.nombres,
        condicion: p.condicion,
        maskedEmail: p.email ? maskEmail(p.email) : undefined,
        maskedPhone: p.telefono ? maskPhone(p.telefono) : undefined,
        hasClave: p.hasClave,
        empleador: p.empleador?.razonSocial,
        openCase: p.openCase ? { numero: p.openCase.numero, estado: p.openCase.estado } : undefined,
      };
    },
    async file({ identificacion, email, telefono }) {
      const profile = await getClaveRequestProfile(prisma, { identificacion });
      if (!profile) throw new Error('Solicitud de clave sin afiliado');
      const contactEmail = email ?? profile.email ?? '';
      const contactPhone = telefono ?? profile.telefono ?? '';
      const dependencia = profile.condicion === 'AFILIADO_DEPENDENCIA';
      const nombre = `${profile.nombres} ${profile.apellidos}`;
      const messages = (numero: string): OutboxMessage[] => {
        const out: OutboxMessage[] = [];
        if (dependencia && profile.empleador?.email) {
          out.push(store.toMessage(profile.empleador.email, employerClaveRequestEmail({ empresa: profile.empleador.razonSocial, trabajador: nombre, numero }), `clave-empleador:${numero}`));
        }
        if (contactEmail) {
          const pasos = dependencia ? [OBTENER.registradaEmpleador(numero, profile.empleador?.razonSocial ?? 'su empleador'), OBTENER.documentos] : [OBTENER.documentos];
          out.push(store.toMessage(contactEmail, claveRequestEmail({ nombres: profile.nombres, numero, pasos }), `clave-afiliado:${numero}`));
        }
        return out;
      };
      const now = clock();
      const filed = await fileClaveRequest(prisma, { profile, email: contactEmail, telefono: contactPhone, now, messages });
      if (dependencia) return { numero: filed.numero, created: filed.created, kind: 'employer' };
      const pdf = await renderSolicitudClavePdf({
        numero: filed.numero,
        fecha: now,
        nombres: profile.nombres,
        apellidos: profile.apellidos,
        identificacion: profile.identificacion,
        tipoIdentificacion: profile.tipoIdentificacion,
        condicion: CONDICION_NOMBRE[profile.condicion] ?? profile.condicion,
        email: contactEmail,
        telefono: contactPhone,
        provincia: profile.provincia,
        documentos: [...DOCUMENTOS_ENTREGA_CLAVE],
        notas: consideracionesClave({ dependencia, jubiladoOPensionista: profile.condicion === 'JUBILADO' || profile.condicion === 'MONTEPIO_CONYUGE' }),
      });
      const name = `solicitud-clave-${filed.numero}.pdf`;
      const link = await createDownload(prisma, {
        save: (bytes) => options.documents.save(bytes),
        bytes: pdf,
        nombre: name,
        mediaType: 'application/pdf',
        tipo: 'SOLICITUD_CLAVE',
        afiliadoId: profile.afiliadoId,
        caseId: filed.caseId,
        ttlSeconds: SOLICITUD_LINK_TTL_SECONDS,
        now,
      });
      return { numero: filed.numero, created: filed.created, kind: 'print', documento: { name, contentType: 'application/pdf', url: options.downloadUrl(link.token) } };
    },
  };
}
