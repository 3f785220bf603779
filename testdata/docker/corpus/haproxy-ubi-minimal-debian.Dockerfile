# syntax=docker/dockerfile:1
# haproxy 2.9.6: built from source in one stage, shipped on registry.access.redhat.com/ubi9/ubi-minimal:9.4.
ARG HAPROXY_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM debian:12-slim AS build
ARG HAPROXY_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils libssl-dev liblua5.4-dev libpcre2-dev \
 && rm -rf /var/lib/apt/lists/*
ADD --checksum=sha256:${HAPROXY_SHA256} https://www.haproxy.org/download/2.9/src/haproxy-2.9.6.tar.gz /tmp/src.tar
RUN mkdir -p /usr/src/haproxy && tar -xf /tmp/src.tar -C /usr/src/haproxy --strip-components=1
WORKDIR /usr/src/haproxy
ENV CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie"
RUN make -j"$(nproc)" TARGET=linux-glibc USE_OPENSSL=1 USE_PCRE2=1 USE_LUA=1 \
 && make install TARGET=linux-glibc USE_OPENSSL=1 USE_PCRE2=1 USE_LUA=1 DESTDIR=/out

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
LABEL org.opencontainers.image.title="haproxy" \
      org.opencontainers.image.version="2.9.6" \
      org.opencontainers.image.source="https://example.org/haproxy"
RUN microdnf install -y ca-certificates openssl-libs \
 && microdnf clean all
COPY --from=build --chmod=0755 /out/usr/local/sbin/haproxy /usr/local/sbin/haproxy
EXPOSE 8080
USER 1001
ENTRYPOINT ["/usr/local/sbin/haproxy"]
CMD ["--port", "8080"]
