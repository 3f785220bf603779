# jq 1.7.1: built from source in one stage, shipped on registry.access.redhat.com/ubi9/ubi-minimal:9.4.
ARG JQ_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM gcc:13.2-bookworm AS build
ARG JQ_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils autoconf automake libtool libonig-dev \
 && rm -rf /var/lib/apt/lists/*
ADD --checksum=sha256:${JQ_SHA256} https://github.com/jqlang/jq/releases/download/jq-1.7.1/jq-1.7.1.tar.gz /tmp/src.tar
RUN mkdir -p /usr/src/jq && tar -xf /tmp/src.tar -C /usr/src/jq --strip-components=1
WORKDIR /usr/src/jq
RUN ./configure --prefix=/usr/local --with-oniguruma=builtin --disable-docs CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/jq

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
LABEL org.opencontainers.image.title="jq" \
      org.opencontainers.image.version="1.7.1" \
      org.opencontainers.image.source="https://example.org/jq"
RUN microdnf install -y ca-certificates openssl-libs \
 && microdnf clean all
COPY --from=build --chmod=0755 /out/usr/local/bin/jq /usr/local/bin/jq
USER 1001
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/jq --version || exit 1
ENTRYPOINT ["/usr/local/bin/jq"]
CMD ["--help"]
