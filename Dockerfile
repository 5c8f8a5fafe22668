# Build once; every instance runs the same image. NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
# must be the same at build and run time and on every instance.
FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
RUN npm run build

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY --from=build /app ./
USER node
EXPOSE 3000
# Applies pending migrations, seeds on first run, then serves (scripts/start.mjs).
CMD ["npm", "start"]
