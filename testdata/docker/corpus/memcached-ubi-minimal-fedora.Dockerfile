# memcached 1.6.26: built from source in one stage, shipped on registry.access.redhat.com/ubi9/ubi-minimal:9.4.
ARG MEMCACHED_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM fedora:40 AS build
ARG MEMCACHED_SHA256
SHELL ["/bin/sh", "-eux", "-c"]
RUN dnf install -y gcc make pkgconf-pkg-config curl xz tar autoconf automake libtool libevent-devel cyrus-sasl-devel \
 && dnf clean all
ADD https://memcached.org/files/memcached-1.6.26.tar.gz /tmp/
RUN mkdir -p /usr/src/memcached && tar -xf /tmp/memcached-1.6.26.tar.gz -C /usr/src/memcached --strip-components=1
WORKDIR /usr/src/memcached
RUN ./configure --prefix=/usr/local --enable-sasl --enable-tls CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/memcached

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
LABEL org.opencontainers.image.title="memcached" \
      org.opencontainers.image.version="1.6.26" \
      org.opencontainers.image.source="https://example.org/memcached"
RUN microdnf install -y ca-certificates openssl-libs \
 && microdnf clean all
COPY --from=build /out/usr/local/ /usr/local/
VOLUME ["/var/lib/memcached"]
WORKDIR /var/lib/memcached
USER 1001
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/memcached --version || exit 1
ENTRYPOINT ["/usr/local/bin/memcached"]
CMD ["--port", "11211"]
