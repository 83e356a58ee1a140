import type { Request, Response, Server } from 'restify';
import type { PrismaClient } from '../../prisma/client';
import { grantAgentDocument, takeAgentDocument, type AgentDocumentDownload } from '../../prisma/store/agentDocuments';
import { attachmentDisposition, INVALID_LINK_PAGE } from '../downloads';
import type { FileStorage } from '../fileStorage';
import type { Logger } from '../logger';

/** Path of the staff's document links; the token is the last segment. */
export const AGENT_DOCUMENTS_PATH = '/agentes/documentos';

/** Minutes an agent's document link works. */
export const AGENT_DOCUMENT_LINK_MINUTES = 10;

/** What the agents' document links need. */
export interface AgentDocumentOptions {
  prisma: PrismaClient;
  storage: FileStorage;
  clock: () => Date;
  logger: Logger;
  publicBaseUrl: string;
}

const HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/** The link maker the case desk puts on its cards: a personal link for one staff member, valid a few minutes. */
export function agentDocumentLinks(options: AgentDocumentOptions) {
  return async (o: { documentId: string; staffId: string; caseNumero: string }): Promise<string> => {
    const token = await grantAgentDocument(options.prisma, { ...o, ttlSeconds: AGENT_DOCUMENT_LINK_MINUTES * 60, now: options.clock() });
    return `${options.publicBaseUrl}${AGENT_DOCUMENTS_PATH}/${token}`;
  };
}

/**
 * GET /agentes/documentos/:token: the case document of a link a case desk card gave one staff member, while it is
 * valid and the staff member is active; each download is audited with who and which case. Unknown, malformed and
 * expired links get the same 404 page as the citizens' links. The token is never logged.
 */
export function registerAgentDocumentRoutes(server: Server, options: AgentDocumentOptions): void {
  const { prisma, storage, clock, logger } = options;
  server.get(`${AGENT_DOCUMENTS_PATH}/:token`, async (req: Request, res: Response) => {
    const token = typeof req.params?.token === 'string' ? req.params.token : '';
    const invalid = (status: number): void => {
      res.sendRaw(status, INVALID_LINK_PAGE, {
        ...HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': String(INVALID_LINK_PAGE.length),
      });
    };
    let found: AgentDocumentDownload | undefined;
    let bytes: Buffer;
    try {
      found = await takeAgentDocument(prisma, { token, now: clock() });
      if (!found) {
        logger.info('agent_document_link_invalid');
        return invalid(404);
      }
      bytes = await storage.read(found.storageKey);
    } catch (error) {
      logger.error('agent_document_failed', { error: error instanceof Error ? error.message : String(error) });
      return invalid(503);
    }
    res.sendRaw(200, bytes, {
      ...HEADERS,
      'Content-Type': found.mediaType,
      'Content-Length': String(bytes.length),
      'Content-Disposition': attachmentDisposition(found.nombre),
    });
  });
}
