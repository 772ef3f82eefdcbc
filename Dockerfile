# syntax=docker/dockerfile:1
# Convo in one image: the runtime (webhook, pipeline, management API) serving the editor's build,
# with its SQLite database on a volume. Not built on the machines Convo is developed on (they have
# no Docker engine): apps/runtime/test/dockerfile.test.ts checks what can be checked without one.
#
#   docker build -t convo .
#   docker run -p 8080:8080 -v convo-data:/app/data --env-file .env convo

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# ── build: install the workspace, build the runtime (plain JavaScript) and the editor ──
FROM ${NODE_IMAGE} AS build
WORKDIR /src
# better-sqlite3 compiles its addon when no prebuilt binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# pnpm at the version package.json's packageManager pins.
ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0
RUN corepack enable
# The manifests first, so the install layer is reused while only sources change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY apps/editor/package.json apps/editor/
COPY apps/runtime/package.json apps/runtime/
COPY packages/engine/package.json packages/engine/
COPY packages/flow/package.json packages/flow/
COPY packages/messenger/package.json packages/messenger/
COPY bench/package.json bench/
COPY scripts/package.json scripts/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm exec turbo run build --filter=@convo/runtime --filter=@convo/editor
# The runtime's production dependencies alone (the bundle imports only better-sqlite3 from them).
RUN pnpm --filter @convo/runtime deploy --prod --legacy /deploy

# ── runtime: Node, the build, the examples; no compiler, no sources, not root ──
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /deploy/package.json apps/runtime/package.json
COPY --from=build /deploy/node_modules apps/runtime/node_modules
COPY --from=build /src/apps/runtime/dist apps/runtime/dist
COPY --from=build /src/apps/editor/dist apps/editor/dist
COPY --from=build /src/examples examples
# The database lives on the volume (CONVO_DB defaults to ./data/convo.db, from /app).
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/runtime/dist/cli.mjs", "serve"]
