# mosquitto 2.0.18: built from source in one stage, shipped on registry.access.redhat.com/ubi9/ubi-minimal:9.4.
ARG MOSQUITTO_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM debian:12-slim AS build
ARG MOSQUITTO_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils cmake libssl-dev libcjson-dev \
 && rm -rf /var/lib/apt/lists/*
ADD --checksum=sha256:${MOSQUITTO_SHA256} https://mosquitto.org/files/source/mosquitto-2.0.18.tar.gz /tmp/src.tar
RUN mkdir -p /usr/src/mosquitto && tar -xf /tmp/src.tar -C /usr/src/mosquitto --strip-components=1
WORKDIR /usr/src/mosquitto
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local -DWITH_SRV=OFF -DDOCUMENTATION=OFF \
      -DCMAKE_C_FLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" \
 && cmake --build build -j "$(nproc)" \
 && DESTDIR=/out cmake --install build --strip

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
LABEL org.opencontainers.image.title="mosquitto" \
      org.opencontainers.image.version="2.0.18" \
      org.opencontainers.image.source="https://example.org/mosquitto"
RUN microdnf install -y ca-certificates openssl-libs \
 && microdnf clean all
COPY --from=build --chmod=0755 /out/usr/local/sbin/mosquitto /usr/local/sbin/mosquitto
EXPOSE 1883
USER 1001
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/sbin/mosquitto --version || exit 1
ENTRYPOINT ["/usr/local/sbin/mosquitto"]
CMD ["--port", "1883"]
