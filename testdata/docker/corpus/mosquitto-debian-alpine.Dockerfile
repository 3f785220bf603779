# mosquitto 2.0.18: built from source in one stage, shipped on debian:12-slim.
ARG MOSQUITTO_VERSION=2.0.18
ARG MOSQUITTO_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG MOSQUITTO_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers cmake openssl-dev cjson-dev
RUN --mount=type=cache,target=/var/cache/src \
    test -f /var/cache/src/mosquitto-2.0.18.tar || curl -fsSL -o /var/cache/src/mosquitto-2.0.18.tar https://mosquitto.org/files/source/mosquitto-2.0.18.tar.gz; \
    mkdir -p /usr/src/mosquitto \
    && tar -xf /var/cache/src/mosquitto-2.0.18.tar -C /usr/src/mosquitto --strip-components=1
WORKDIR /usr/src/mosquitto
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local -DWITH_SRV=OFF -DDOCUMENTATION=OFF \
      -DCMAKE_C_FLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" \
 && cmake --build build -j "$(nproc)" \
 && DESTDIR=/out cmake --install build --strip

FROM debian:12-slim
LABEL org.opencontainers.image.title="mosquitto" \
      org.opencontainers.image.version="2.0.18" \
      org.opencontainers.image.source="https://example.org/mosquitto"
COPY --from=build --chmod=0755 /out/usr/local/sbin/mosquitto /usr/local/sbin/mosquitto
VOLUME ["/var/lib/mosquitto"]
WORKDIR /var/lib/mosquitto
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/sbin/mosquitto --version || exit 1
ENTRYPOINT exec /usr/local/sbin/mosquitto "$@"
