# haproxy 2.9.6: built from source in one stage, shipped on cgr.dev/chainguard/glibc-dynamic:latest.
ARG HAPROXY_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM --platform=$BUILDPLATFORM fedora:40 AS build
ARG TARGETARCH
ARG HAPROXY_SHA256
RUN dnf install -y gcc make pkgconf-pkg-config curl xz tar openssl-devel lua-devel pcre2-devel \
 && dnf clean all
ADD https://www.haproxy.org/download/2.9/src/haproxy-2.9.6.tar.gz /tmp/
RUN mkdir -p /usr/src/haproxy && tar -xf /tmp/haproxy-2.9.6.tar.gz -C /usr/src/haproxy --strip-components=1
WORKDIR /usr/src/haproxy
ENV CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie"
RUN make -j"$(nproc)" TARGET=linux-glibc USE_OPENSSL=1 USE_PCRE2=1 USE_LUA=1 \
 && make install TARGET=linux-glibc USE_OPENSSL=1 USE_PCRE2=1 USE_LUA=1 DESTDIR=/out

FROM cgr.dev/chainguard/glibc-dynamic:latest
LABEL org.opencontainers.image.title="haproxy" \
      org.opencontainers.image.version="2.9.6" \
      org.opencontainers.image.source="https://example.org/haproxy"
COPY --from=build /out/usr/local/ /usr/local/
EXPOSE 8080
USER nonroot
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/sbin/haproxy", "--version"]
ENTRYPOINT ["/usr/local/sbin/haproxy"]
CMD ["--port", "8080"]
