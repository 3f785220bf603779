# statsd-c 2.1.0: built from source in one stage, shipped on registry.access.redhat.com/ubi9/ubi-minimal:9.4.
ARG STATSD_C_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM fedora:40 AS build
ARG STATSD_C_SHA256
SHELL ["/bin/sh", "-eux", "-c"]
RUN dnf install -y gcc make pkgconf-pkg-config curl xz tar libevent-devel \
 && dnf clean all
ADD --checksum=sha256:${STATSD_C_SHA256} https://example.org/statsd-c-2.1.0.tar.gz /tmp/src.tar
RUN mkdir -p /usr/src/statsd-c && tar -xf /tmp/src.tar -C /usr/src/statsd-c --strip-components=1
WORKDIR /usr/src/statsd-c
ENV CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie"
RUN make -j"$(nproc)" PREFIX=/usr/local \
 && make install PREFIX=/usr/local DESTDIR=/out

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
LABEL org.opencontainers.image.title="statsd-c" \
      org.opencontainers.image.version="2.1.0" \
      org.opencontainers.image.source="https://example.org/statsd-c"
RUN microdnf install -y ca-certificates openssl-libs \
 && microdnf clean all
COPY --from=build --chmod=0755 /out/usr/local/bin/statsd /usr/local/bin/statsd
USER 1001
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/statsd --version || exit 1
ENTRYPOINT ["/usr/local/bin/statsd"]
CMD ["--port", "8125"]
