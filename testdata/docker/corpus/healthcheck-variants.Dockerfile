FROM debian:12-slim AS base
HEALTHCHECK --interval=5m --timeout=3s \
  CMD curl -f http://localhost/ || exit 1

FROM base AS quiet
HEALTHCHECK NONE

FROM base
HEALTHCHECK --interval=10s --timeout=2s --start-period=30s --start-interval=1s --retries=5 \
  CMD ["/usr/local/bin/check", "--deep"]
USER 1000
CMD ["/usr/local/bin/serve"]
