# tinyproxy 1.11.1: built from source in one stage, shipped on registry.access.redhat.com/ubi9/ubi-minimal:9.4.
ARG TINYPROXY_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM --platform=$BUILDPLATFORM fedora:40 AS build
ARG TARGETARCH
ARG TINYPROXY_SHA256
RUN dnf install -y gcc make pkgconf-pkg-config curl xz tar autoconf automake libtool \
 && dnf clean all
ADD --checksum=sha256:${TINYPROXY_SHA256} https://github.com/tinyproxy/tinyproxy/releases/download/1.11.1/tinyproxy-1.11.1.tar.xz /tmp/src.tar
RUN mkdir -p /usr/src/tinyproxy && tar -xf /tmp/src.tar -C /usr/src/tinyproxy --strip-components=1
WORKDIR /usr/src/tinyproxy
RUN ./configure --prefix=/usr/local --enable-transparent CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/tinyproxy

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
LABEL org.opencontainers.image.title="tinyproxy" \
      org.opencontainers.image.version="1.11.1" \
      org.opencontainers.image.source="https://example.org/tinyproxy"
RUN microdnf install -y ca-certificates openssl-libs \
 && microdnf clean all
COPY --from=build --chmod=0755 /out/usr/local/bin/tinyproxy /usr/local/bin/tinyproxy
EXPOSE 8888
USER 1001
ENTRYPOINT ["/usr/local/bin/tinyproxy"]
CMD ["--port", "8888"]
