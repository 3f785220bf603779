# jq 1.7.1: built from source in one stage, shipped on cgr.dev/chainguard/glibc-dynamic:latest.
ARG JQ_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM --platform=$BUILDPLATFORM ubuntu:24.04 AS build
ARG TARGETARCH
ARG JQ_SHA256
ENV DEBIAN_FRONTEND=noninteractive
SHELL ["/bin/sh", "-eux", "-c"]
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils autoconf automake libtool libonig-dev \
 && rm -rf /var/lib/apt/lists/*
ADD https://github.com/jqlang/jq/releases/download/jq-1.7.1/jq-1.7.1.tar.gz /tmp/
RUN mkdir -p /usr/src/jq && tar -xf /tmp/jq-1.7.1.tar.gz -C /usr/src/jq --strip-components=1
WORKDIR /usr/src/jq
RUN ./configure --prefix=/usr/local --with-oniguruma=builtin --disable-docs CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/jq

FROM cgr.dev/chainguard/glibc-dynamic:latest
LABEL org.opencontainers.image.title="jq" \
      org.opencontainers.image.version="1.7.1" \
      org.opencontainers.image.source="https://example.org/jq"
COPY --from=build /out/usr/local/ /usr/local/
USER nonroot
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/bin/jq", "--version"]
ENTRYPOINT ["/usr/local/bin/jq"]
CMD ["--help"]
