# syntax=docker/dockerfile:1
# The IESS assistant: built in one stage, run in a slim one as the unprivileged `node` user (uid 1000).
# Build: docker build -t iess-asistente .   Run with PostgreSQL and two instances: docker compose up (compose.yaml).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 is a native module: its prebuilt binary is used when available, otherwise it builds here.
RUN apt-get update -q && apt-get install -y -q --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Both Prisma clients (SQLite and PostgreSQL) and the TypeScript build; then only what runs is kept.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0 \
    DOCUMENTS_DIR=/app/data/documents \
    MAIL_OUTBOX_DIR=/app/data/outbox
WORKDIR /app
COPY --from=build --chown=root:root /app /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3978
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Migrations first (on PostgreSQL Prisma takes an advisory lock, so instances starting together apply them once).
CMD ["sh", "-c", "node_modules/.bin/prisma migrate deploy && exec node --disable-warning=DEP0111 dist/bot/index.js"]
