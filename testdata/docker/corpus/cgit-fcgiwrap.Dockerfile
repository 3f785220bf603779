FROM alpine:3.20 AS build
RUN apk add --no-cache build-base git openssl-dev zlib-dev lua5.3-dev gettext-dev
RUN git clone --depth 1 --branch v1.2.3 https://git.zx2c4.com/cgit /src/cgit
WORKDIR /src/cgit
RUN git submodule update --init --depth 1 \
 && make NO_LUA=1 -j4 \
 && make install CGIT_SCRIPT_PATH=/srv/cgit prefix=/usr

FROM alpine:3.20
RUN apk add --no-cache fcgiwrap spawn-fcgi git nginx
COPY --from=build /srv/cgit /srv/cgit
COPY --from=build /usr/lib/cgit /usr/lib/cgit
COPY cgitrc /etc/cgitrc
COPY nginx.conf /etc/nginx/http.d/default.conf
EXPOSE 8080
HEALTHCHECK CMD wget -qO- http://127.0.0.1:8080/ >/dev/null || exit 1
CMD ["sh", "-c", "spawn-fcgi -s /run/fcgiwrap.sock -- /usr/bin/fcgiwrap && exec nginx -g 'daemon off;'"]
