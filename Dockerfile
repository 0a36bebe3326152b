# The Anime Recommender image that manifests/llmops-k8s.yaml runs as llmops-app:latest.
#   docker build -t llmops-app:latest .
# Three stages: compile TypeScript, install production dependencies, then a small runtime stage that holds
# only the compiled code, the data set and those dependencies, and runs as a numeric non-root user.
# The base is pinned to an exact Node.js release (the one the tests run on); bump all three FROM lines together.

FROM node:20.20.2-bookworm-slim AS build
WORKDIR /build
COPY app/package.json app/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY app/tsconfig.json ./
COPY app/src ./src
RUN npx tsc -p tsconfig.json

FROM node:20.20.2-bookworm-slim AS deps
WORKDIR /deps
COPY app/package.json app/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20.20.2-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=8501
WORKDIR /app
COPY app/package.json ./
COPY --from=deps /deps/node_modules ./node_modules
COPY --from=build /build/dist ./dist
COPY app/data ./data
# 10001 is not a user in the image: nothing in the app needs a home directory or a name.
USER 10001:10001
EXPOSE 8501
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8501) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server.js"]
