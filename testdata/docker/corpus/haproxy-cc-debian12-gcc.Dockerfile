# haproxy 2.9.6: built from source in one stage, shipped on gcr.io/distroless/cc-debian12:nonroot.
ARG HAPROXY_VERSION=2.9.6
ARG HAPROXY_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM gcc:13.2-bookworm AS build
ARG HAPROXY_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils libssl-dev liblua5.4-dev libpcre2-dev \
 && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/src.tar.gz "https://www.haproxy.org/download/2.9/src/haproxy-2.9.6.tar.gz" \
 && echo "${HAPROXY_SHA256}  /tmp/src.tar.gz" | sha256sum -c - \
 && mkdir -p /usr/src/haproxy \
 && tar -xf /tmp/src.tar.gz -C /usr/src/haproxy --strip-components=1 \
 && rm /tmp/src.tar.gz
WORKDIR /usr/src/haproxy
ENV CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie"
RUN make -j"$(nproc)" TARGET=linux-glibc USE_OPENSSL=1 USE_PCRE2=1 USE_LUA=1 \
 && make install TARGET=linux-glibc USE_OPENSSL=1 USE_PCRE2=1 USE_LUA=1 DESTDIR=/out

FROM gcr.io/distroless/cc-debian12:nonroot
LABEL org.opencontainers.image.title="haproxy" \
      org.opencontainers.image.version="2.9.6" \
      org.opencontainers.image.source="https://example.org/haproxy"
COPY --from=build --chmod=0755 /out/usr/local/sbin/haproxy /usr/local/sbin/haproxy
USER nonroot
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/sbin/haproxy"]
CMD ["--port", "8080"]
