# syntax=docker/dockerfile:1.4
FROM debian:12-slim
RUN <<EOF
#!/usr/bin/env bash
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends gcc libc6-dev make
rm -rf /var/lib/apt/lists/*
EOF

COPY <<-"CONF" /etc/app/app.conf
	# the delimiter is quoted: $HOME stays literal
	home = $HOME
	port = 8080
	CONF

RUN <<BUILD bash
cd /usr/src
cc -O2 -o /usr/local/bin/hello - <<'C'
#include <stdio.h>
int main(void) { puts("hello"); return 0; }
C
BUILD

RUN python3 <<PY
print("this heredoc is not shell")
PY

COPY <<one.txt <<two.txt /srv/
first
one.txt
second
two.txt

CMD ["/usr/local/bin/hello"]
