# echod 0.9.0: built from source in one stage, shipped on ubuntu:24.04.
ARG ECHOD_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG ECHOD_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers openssl-dev
WORKDIR /usr/src/echod
COPY Makefile meson.build ./
COPY src/ src/
COPY include/ include/
ENV CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie"
RUN make -j"$(nproc)" PREFIX=/usr/local \
 && make install PREFIX=/usr/local DESTDIR=/out

FROM ubuntu:24.04
LABEL org.opencontainers.image.title="echod" \
      org.opencontainers.image.version="0.9.0" \
      org.opencontainers.image.source="https://example.org/echod"
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/usr/local/ /usr/local/
EXPOSE 7
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/echod --version || exit 1
ENTRYPOINT ["/usr/local/bin/echod"]
CMD ["--port", "7"]
