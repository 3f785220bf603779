# echod 0.9.0: built from source in one stage, shipped on cgr.dev/chainguard/glibc-dynamic:latest.
ARG ECHOD_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM debian:12-slim AS build
ARG ECHOD_SHA256
ENV DEBIAN_FRONTEND=noninteractive
SHELL ["/bin/sh", "-eux", "-c"]
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils libssl-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/echod
COPY Makefile meson.build ./
COPY src/ src/
COPY include/ include/
ENV CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie"
RUN make -j"$(nproc)" PREFIX=/usr/local \
 && make install PREFIX=/usr/local DESTDIR=/out

FROM cgr.dev/chainguard/glibc-dynamic:latest
LABEL org.opencontainers.image.title="echod" \
      org.opencontainers.image.version="0.9.0" \
      org.opencontainers.image.source="https://example.org/echod"
COPY --from=build /out/usr/local/ /usr/local/
USER nonroot
ENTRYPOINT ["/usr/local/bin/echod"]
CMD ["--port", "7"]
