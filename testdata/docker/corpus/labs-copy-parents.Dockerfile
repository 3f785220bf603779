# syntax=docker/dockerfile:1.7-labs
FROM alpine:3.20 AS build
RUN apk add --no-cache build-base
WORKDIR /src
COPY --parents ./modules/*/Makefile ./modules/*/src/ ./
COPY --exclude=*.md --exclude=docs/ . .
RUN for m in modules/*; do make -C "$m"; done \
 && mkdir -p /out && cp modules/*/build/*.so /out/

FROM alpine:3.20
COPY --from=build --link /out/ /usr/lib/app/modules/
COPY --link --chmod=0755 bin/app /usr/local/bin/app
USER 1000:1000
HEALTHCHECK CMD ["/usr/local/bin/app", "ping"]
ENTRYPOINT ["/usr/local/bin/app"]
