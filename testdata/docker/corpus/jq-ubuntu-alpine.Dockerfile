# syntax=docker/dockerfile:1
# jq 1.7.1: built from source in one stage, shipped on ubuntu:24.04.
ARG JQ_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG JQ_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers autoconf automake libtool oniguruma-dev
ADD https://github.com/jqlang/jq/releases/download/jq-1.7.1/jq-1.7.1.tar.gz /tmp/
RUN mkdir -p /usr/src/jq && tar -xf /tmp/jq-1.7.1.tar.gz -C /usr/src/jq --strip-components=1
WORKDIR /usr/src/jq
RUN ./configure --prefix=/usr/local --with-oniguruma=builtin --disable-docs CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/jq

FROM ubuntu:24.04
LABEL org.opencontainers.image.title="jq" \
      org.opencontainers.image.version="1.7.1" \
      org.opencontainers.image.source="https://example.org/jq"
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/usr/local/ /usr/local/
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
ENTRYPOINT ["/usr/local/bin/jq"]
CMD ["--help"]
