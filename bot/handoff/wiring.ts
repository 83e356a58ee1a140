import { maskIdentificacion } from '../../core/domain/masking';
import type { Clock, ConversationReferenceJson, DocumentIntakePort } from '../../core/ports';
import type { HandoffPort } from '../../core/usecases/handoff/ports';
import type { PrismaClient } from '../../prisma/client';
import { createAuditLog } from '../../prisma/store/audit';
import { createHandoffRecords, findAfiliadoIdentificacion } from '../../prisma/store/handoff';
import { createStaffDirectory } from '../../prisma/store/staff';
import type { TurnLogic } from '../channels/channel';
import type { Logger } from '../logger';
import { HandoffAgentFeature } from './agentFeature';
import { CitizenHandoffGate } from './citizenGate';
import { handoffConfig, HANDOFF_ENV, type HandoffConfig } from './config';
import type { HandoffBotDeps } from './deps';
import { createHandoffPort } from './port';
import { HandoffQueueWorker } from './queueWorker';
import type { TeamsHandoffDesk } from './teamsDesk';
import type { TranscriptReader } from './transcript';
import { z } from 'zod';

/** What the host gives the handoff: its settings, the channels' transcript and continuation, and the Teams desk. */
export interface HandoffHosting {
  config: HandoffConfig;
  transcript: TranscriptReader;
  continueCitizen(reference: ConversationReferenceJson, logic: TurnLogic): Promise<void>;
  desk?: TeamsHandoffDesk;
  queuePollMs?: number;
}

/** The handoff's parts, built once: the dialogs' port, the citizen gate, the agent feature and the queue worker. */
export interface HandoffParts {
  port: HandoffPort;
  gate: CitizenHandoffGate;
  feature: HandoffAgentFeature;
  worker: HandoffQueueWorker;
}

/** Default hosting for a host without channels (the dialog tests): default hours, no Teams, no proactive turns. */
export function standaloneHandoffHosting(): HandoffHosting {
  return {
    config: handoffConfig(z.object(HANDOFF_ENV).parse({})),
    transcript: async () => [],
    continueCitizen: async () => {
      throw new Error('no channel to continue the conversation');
    },
  };
}

/** Builds the handoff over the store; wired once in bot/services.ts. */
export function createHandoff(options: {
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  documents: DocumentIntakePort;
  hosting: HandoffHosting;
}): HandoffParts {
  const { prisma, hosting } = options;
  const deps: HandoffBotDeps = {
    records: createHandoffRecords(prisma),
    clock: options.clock,
    logger: options.logger,
    schedule: hosting.config.schedule,
    queueTimeoutMinutes: hosting.config.queueTimeoutMinutes,
    transcript: hosting.transcript,
    desk: hosting.desk,
    documents: options.documents,
    audit: createAuditLog(prisma),
    staff: createStaffDirectory(prisma),
    continueCitizen: hosting.continueCitizen,
    async maskedIdentification(afiliadoId) {
      if (!afiliadoId) return undefined;
      const id = await findAfiliadoIdentificacion(prisma, afiliadoId);
      return id ? maskIdentificacion(id) : undefined;
    },
  };
  return {
    port: createHandoffPort(deps),
    gate: new CitizenHandoffGate(deps),
    feature: new HandoffAgentFeature(deps),
    worker: new HandoffQueueWorker(deps, hosting.queuePollMs),
  };
}
