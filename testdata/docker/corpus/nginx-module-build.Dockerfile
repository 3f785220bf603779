# Build a dynamic nginx module against the exact nginx version of the runtime image.
ARG NGINX_VERSION=1.25.4
FROM nginx:${NGINX_VERSION}-alpine AS build
ARG NGINX_VERSION
RUN apk add --no-cache --virtual .build-deps gcc libc-dev make openssl-dev pcre2-dev zlib-dev linux-headers curl git
WORKDIR /usr/src
RUN curl -fsSL "https://nginx.org/download/nginx-${NGINX_VERSION}.tar.gz" -o nginx.tar.gz \
 && tar -xzf nginx.tar.gz \
 && git clone --depth 1 --branch v0.3.3 https://github.com/vision5/ngx_devel_kit.git ndk
RUN cd nginx-${NGINX_VERSION} \
 && ./configure --with-compat --add-dynamic-module=../ndk \
 && make modules \
 && cp objs/ndk_http_module.so /usr/src/

FROM nginx:${NGINX_VERSION}-alpine
COPY --from=build /usr/src/ndk_http_module.so /etc/nginx/modules/
COPY nginx.conf /etc/nginx/nginx.conf
COPY --chown=nginx:nginx html/ /usr/share/nginx/html/
EXPOSE 80 443
HEALTHCHECK CMD wget -q -O /dev/null http://127.0.0.1/ || exit 1
