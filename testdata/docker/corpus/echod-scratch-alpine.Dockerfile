# echod 0.9.0: built from source in one stage, shipped on scratch.
ARG ECHOD_VERSION=0.9.0
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
RUN ldd /out/usr/local/bin/echod 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM scratch
LABEL org.opencontainers.image.title="echod" \
      org.opencontainers.image.version="0.9.0" \
      org.opencontainers.image.source="https://example.org/echod"
COPY --from=build --chmod=0755 /out/usr/local/bin/echod /usr/local/bin/echod
EXPOSE 7
USER 65534:65534
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/echod"]
CMD ["--port", "7"]
