-- CreateIndex
CREATE INDEX "RecoveryGuard_bloqueadoEn_fallos_idx" ON "RecoveryGuard"("bloqueadoEn", "fallos");

-- CreateIndex
CREATE INDEX "RecoveryToken_expiresAt_idx" ON "RecoveryToken"("expiresAt");

-- CreateIndex
CREATE INDEX "ThrottleState_updatedAt_idx" ON "ThrottleState"("updatedAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_estado_createdAt_idx" ON "OutboxEmail"("estado", "createdAt");

-- CreateIndex
CREATE INDEX "DlConversation_createdAt_idx" ON "DlConversation"("createdAt");

-- CreateIndex
CREATE INDEX "DlToken_expiresAt_idx" ON "DlToken"("expiresAt");

-- CreateIndex
CREATE INDEX "DownloadGrant_expiresAt_idx" ON "DownloadGrant"("expiresAt");

-- CreateIndex
CREATE INDEX "SignInLink_expiresAt_idx" ON "SignInLink"("expiresAt");

