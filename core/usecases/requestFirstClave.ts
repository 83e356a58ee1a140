/**
 * Request a first clave (seed 003): reads the person, files the CLAVE case once with its note and e-mails (to the
 * employer for dependent workers, to the citizen always), and for those who print their own solicitud renders the PDF
 * and gives a short-lived download link.
 */
import {
  CLAVE_SOLICITUD_NOTAS,
  CONDICION_NOMBRE,
  DOCUMENTOS_ENTREGA_CLAVE,
  EMPLEADOR_GENERICO,
  OBTENER,
  claveRequestEmail,
  consideracionesClave,
  employerClaveRequestEmail,
} from '../../catalog';
import type { CaseStateName, CondicionName } from '../domain/cases';
import { PersonNotFoundError } from '../domain/errors';
import { maskEmail, maskPhone } from '../domain/masking';
import type { ClaveRequestPort, Clock, OutboxMessage } from '../ports';
import { composeEmail, type EmailRenderer } from './email';

/** How long the printable solicitud can be downloaded from the chat link. */
export const SOLICITUD_LINK_TTL_SECONDS = 24 * 3600;

/** The person behind an identification as the store returns it (prisma/store/claveRequest). */
export interface ClaveRequestPerson {
  afiliadoId: string;
  nombres: string;
  apellidos: string;
  identificacion: string;
  tipoIdentificacion: 'cedula' | 'codigo_extranjero';
  condicion: CondicionName;
  /** ISO calendar date (YYYY-MM-DD), as the store keeps it. */
  fechaNacimiento: string;
  email?: string;
  telefono?: string;
  provincia?: string;
  hasClave: boolean;
  empleador?: { razonSocial: string; email?: string };
  openCase?: { numero: string; estado: CaseStateName };
}

/** What the printable solicitud shows (bot/documents/solicitudClavePdf.ts renders it). */
export interface SolicitudClaveData {
  numero: string;
  fecha: Date;
  nombres: string;
  apellidos: string;
  identificacion: string;
  tipoIdentificacion: 'cedula' | 'codigo_extranjero';
  condicion: string;
  email: string;
  telefono: string;
  provincia?: string;
  empleador?: string;
  documentos: string[];
  notas: string[];
}

/** The store functions this use case needs. */
export interface ClaveRequestRecords {
  findClaveRequestProfile(options: { identificacion: string }): Promise<ClaveRequestPerson | undefined>;
  createClaveRequestCase(options: {
    profile: ClaveRequestPerson;
    email: string;
    telefono: string;
    now: Date;
    estado: CaseStateName;
    nota: string;
    messages: (numero: string) => OutboxMessage[];
  }): Promise<{ numero: string; created: boolean; caseId: string }>;
  /** Stores the bytes and grants a download link (prisma/store/downloads' createDownload with the file storage). */
  createDownload(options: {
    bytes: Buffer;
    nombre: string;
    mediaType: string;
    tipo: string;
    afiliadoId?: string;
    caseId?: string;
    ttlSeconds: number;
    now: Date;
  }): Promise<{ token: string }>;
}

/** What requestFirstClave is built from. */
export interface RequestFirstClaveOptions {
  records: ClaveRequestRecords;
  clock: Clock;
  render: EmailRenderer;
  renderSolicitud: (data: SolicitudClaveData) => Promise<Buffer>;
  downloadUrl: (token: string) => string;
}

function outbox(options: RequestFirstClaveOptions, profile: ClaveRequestPerson, contactEmail: string) {
  const dependencia = profile.condicion === 'AFILIADO_DEPENDENCIA';
  const nombre = `${profile.nombres} ${profile.apellidos}`;
  return (numero: string): OutboxMessage[] => {
    const out: OutboxMessage[] = [];
    if (dependencia && profile.empleador?.email) {
      const content = employerClaveRequestEmail({ empresa: profile.empleador.razonSocial, trabajador: nombre, numero });
      out.push(composeEmail(options.render, profile.empleador.email, content, `clave-empleador:${numero}`));
    }
    if (contactEmail) {
      const pasos = dependencia
        ? [OBTENER.registradaEmpleador(numero, profile.empleador?.razonSocial ?? EMPLEADOR_GENERICO), OBTENER.documentos]
        : [OBTENER.documentos];
      out.push(
        composeEmail(
          options.render,
          contactEmail,
          claveRequestEmail({ nombres: profile.nombres, numero, pasos }),
          `clave-afiliado:${numero}`,
        ),
      );
    }
    return out;
  };
}

/** Whether an ISO date (YYYY-MM-DD) falls on the given day and month; read as text, never shifted by time zones. */
function sameDayMonth(isoDate: string, day: number, month: number): boolean {
  const [, m, d] = isoDate.split('-').map(Number);
  return d === day && m === month;
}

/** The ClaveRequestPort: the person after the proof (birth day and month), contact data masked, and idempotent filing. */
export function createRequestFirstClave(options: RequestFirstClaveOptions): ClaveRequestPort {
  const { records, clock } = options;
  return {
    async verify({ identificacion, day, month }) {
      const p = await records.findClaveRequestProfile({ identificacion });
      if (!p || !sameDayMonth(p.fechaNacimiento, day, month)) return undefined;
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
      const profile = await records.findClaveRequestProfile({ identificacion });
      if (!profile) throw new PersonNotFoundError('requestFirstClave');
      const contactEmail = email ?? profile.email ?? '';
      const contactPhone = telefono ?? profile.telefono ?? '';
      const dependencia = profile.condicion === 'AFILIADO_DEPENDENCIA';
      const now = clock();
      const filed = await records.createClaveRequestCase({
        profile,
        email: contactEmail,
        telefono: contactPhone,
        now,
        estado: dependencia ? 'PENDIENTE_EMPLEADOR' : 'RECIBIDO',
        nota: dependencia ? CLAVE_SOLICITUD_NOTAS.empleador(profile.empleador?.razonSocial) : CLAVE_SOLICITUD_NOTAS.imprimir,
        messages: outbox(options, profile, contactEmail),
      });
      if (dependencia) return { numero: filed.numero, created: filed.created, kind: 'employer' };
      const pdf = await options.renderSolicitud({
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
        notas: consideracionesClave({
          dependencia,
          jubiladoOPensionista: profile.condicion === 'JUBILADO' || profile.condicion === 'MONTEPIO_CONYUGE',
        }),
      });
      const name = `solicitud-clave-${filed.numero}.pdf`;
      const link = await records.createDownload({
        bytes: pdf,
        nombre: name,
        mediaType: 'application/pdf',
        tipo: 'SOLICITUD_CLAVE',
        afiliadoId: profile.afiliadoId,
        caseId: filed.caseId,
        ttlSeconds: SOLICITUD_LINK_TTL_SECONDS,
        now,
      });
      return {
        numero: filed.numero,
        created: filed.created,
        kind: 'print',
        documento: { name, contentType: 'application/pdf', url: options.downloadUrl(link.token) },
      };
    },
  };
}
