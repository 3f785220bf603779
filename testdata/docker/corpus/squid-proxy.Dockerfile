FROM ubuntu:24.04
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
    && apt-get install -y --no-install-recommends squid ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /var/spool/squid /var/log/squid \
    && chown -R proxy:proxy /var/spool/squid /var/log/squid
COPY squid.conf /etc/squid/squid.conf
EXPOSE 3128/tcp
USER proxy
VOLUME ["/var/spool/squid"]
HEALTHCHECK --start-period=20s CMD squidclient -h localhost mgr:info >/dev/null || exit 1
CMD ["squid", "-N", "-f", "/etc/squid/squid.conf"]
