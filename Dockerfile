# syntax=docker/dockerfile:1
# Design Review: the web app and the collaboration server in one image (README → Production → Containers).
# `docker compose up --build` runs it with PostgreSQL 17 and Redis (compose.yaml). Docker cannot run where this
# was written: `node scripts/docker-steps.mjs` runs these steps on the host instead (README says what that covers).
ARG NODE_IMAGE=node:20-bookworm-slim

# Every dependency (dev ones too: the build needs them); postinstall generates the Prisma client.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/
RUN npm ci --no-audit --no-fund

# The production build, then only what running needs.
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
# Building evaluates the server's modules, which want a database URL and a secret: placeholders, never used to
# connect and not kept in the image (the real ones come at run time).
RUN DATABASE_URL=postgresql://build:build@127.0.0.1:5432/build AUTH_SECRET=build-time-placeholder-not-a-secret-0000 \
    npm run build
RUN npm prune --omit=dev --no-audit --no-fund && rm -rf .next/cache

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 COLLAB_PORT=1234 COLLAB_HOST=0.0.0.0
COPY --from=build --chown=node:node /app ./
# The official node images have an unprivileged `node` user.
USER node
EXPOSE 3000 1234
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Applies pending migrations, then runs the web server and the collaboration server; SIGTERM stops both cleanly.
CMD ["node", "--import", "tsx", "scripts/start.ts"]
