# jq 1.7.1: built from source in one stage, shipped on debian:12-slim.
ARG JQ_VERSION=1.7.1
ARG JQ_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM debian:12-slim AS build
ARG JQ_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils autoconf automake libtool libonig-dev \
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/cache/src \
    test -f /var/cache/src/jq-1.7.1.tar || curl -fsSL -o /var/cache/src/jq-1.7.1.tar https://github.com/jqlang/jq/releases/download/jq-1.7.1/jq-1.7.1.tar.gz; \
    mkdir -p /usr/src/jq \
    && tar -xf /var/cache/src/jq-1.7.1.tar -C /usr/src/jq --strip-components=1
WORKDIR /usr/src/jq
RUN ./configure --prefix=/usr/local --with-oniguruma=builtin --disable-docs CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/jq

FROM debian:12-slim
LABEL org.opencontainers.image.title="jq" \
      org.opencontainers.image.version="1.7.1" \
      org.opencontainers.image.source="https://example.org/jq"
COPY --from=build --chmod=0755 /out/usr/local/bin/jq /usr/local/bin/jq
STOPSIGNAL SIGTERM
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK NONE
ENTRYPOINT exec /usr/local/bin/jq "$@"
