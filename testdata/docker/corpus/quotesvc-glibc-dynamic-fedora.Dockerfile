# quotesvc 1.0.0: built from source in one stage, shipped on cgr.dev/chainguard/glibc-dynamic:latest.
ARG QUOTESVC_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM fedora:40 AS build
ARG QUOTESVC_SHA256
RUN dnf install -y gcc make pkgconf-pkg-config curl xz tar \
 && dnf clean all
WORKDIR /usr/src/quotesvc
COPY Makefile meson.build ./
COPY src/ src/
COPY include/ include/
RUN cc -O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE -Iinclude -o /out/usr/local/bin/quotesvc src/*.c -Wl,-z,relro,-z,now -pie \
 && strip /out/usr/local/bin/quotesvc

FROM cgr.dev/chainguard/glibc-dynamic:latest
LABEL org.opencontainers.image.title="quotesvc" \
      org.opencontainers.image.version="1.0.0" \
      org.opencontainers.image.source="https://example.org/quotesvc"
COPY --from=build --chmod=0755 /out/usr/local/bin/quotesvc /usr/local/bin/quotesvc
EXPOSE 7070
VOLUME ["/var/lib/quotesvc"]
WORKDIR /var/lib/quotesvc
USER nonroot
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/bin/quotesvc", "--version"]
ENTRYPOINT ["/usr/local/bin/quotesvc"]
CMD ["--port", "7070"]
