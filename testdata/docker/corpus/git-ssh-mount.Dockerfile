# syntax=docker/dockerfile:1
FROM alpine:3.20 AS src
RUN apk add --no-cache git openssh-client \
 && mkdir -p -m 0700 ~/.ssh && ssh-keyscan github.com >> ~/.ssh/known_hosts
RUN --mount=type=ssh git clone git@github.com:example/private-lib.git /src/private-lib

FROM gcc:13.2 AS build
COPY --from=src /src/private-lib /src/private-lib
WORKDIR /src/private-lib
RUN make -j"$(nproc)" && make install PREFIX=/opt/private-lib

FROM debian:12-slim
COPY --from=build /opt/private-lib /opt/private-lib
RUN echo /opt/private-lib/lib > /etc/ld.so.conf.d/private-lib.conf && ldconfig
USER 10001
HEALTHCHECK CMD ["/opt/private-lib/bin/plctl", "status"]
ENTRYPOINT ["/opt/private-lib/bin/pld"]
