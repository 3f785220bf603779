# syntax=docker/dockerfile:1
# jq 1.7.1: built from source in one stage, shipped on gcr.io/distroless/cc-debian12:nonroot.
ARG JQ_VERSION=1.7.1
ARG JQ_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM fedora:40 AS build
ARG JQ_SHA256
RUN dnf install -y gcc make pkgconf-pkg-config curl xz tar autoconf automake libtool oniguruma-devel \
 && dnf clean all
RUN curl -fsSLo /tmp/src.tar.gz "https://github.com/jqlang/jq/releases/download/jq-1.7.1/jq-1.7.1.tar.gz" \
 && echo "${JQ_SHA256}  /tmp/src.tar.gz" | sha256sum -c - \
 && mkdir -p /usr/src/jq \
 && tar -xf /tmp/src.tar.gz -C /usr/src/jq --strip-components=1 \
 && rm /tmp/src.tar.gz
WORKDIR /usr/src/jq
RUN ./configure --prefix=/usr/local --with-oniguruma=builtin --disable-docs CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/jq

FROM gcr.io/distroless/cc-debian12:nonroot
LABEL org.opencontainers.image.title="jq" \
      org.opencontainers.image.version="1.7.1" \
      org.opencontainers.image.source="https://example.org/jq"
COPY --from=build --chmod=0755 /out/usr/local/bin/jq /usr/local/bin/jq
VOLUME ["/var/lib/jq"]
WORKDIR /var/lib/jq
USER nonroot
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/bin/jq", "--version"]
ENTRYPOINT ["/usr/local/bin/jq"]
CMD ["--help"]
