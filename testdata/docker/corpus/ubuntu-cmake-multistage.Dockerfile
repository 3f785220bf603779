FROM ubuntu:22.04 AS builder
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get install -y --no-install-recommends \
        build-essential cmake ninja-build pkg-config \
        libssl-dev zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /work
COPY CMakeLists.txt .
COPY cmake/ cmake/
COPY src/ src/
RUN cmake -S . -B build -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_FLAGS="-fstack-clash-protection -fcf-protection" \
    && cmake --build build --parallel \
    && cmake --install build --prefix /opt/app \
    && strip /opt/app/bin/*

FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends libssl3 zlib1g ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /nonexistent --shell /usr/sbin/nologin app
COPY --from=builder /opt/app /opt/app
ENV PATH="/opt/app/bin:${PATH}"
USER app
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
    CMD ["/opt/app/bin/appctl", "health"]
ENTRYPOINT ["/opt/app/bin/appd"]
