# Older style: lowercase keywords, legacy ENV and MAINTAINER, shell-form CMD.
from centos:7
maintainer Example Ops <ops@example.org>
env APP_HOME /opt/app
env LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8
run yum -y install gcc make openssl-devel && yum clean all
add . $APP_HOME
workdir $APP_HOME
run make && make install
expose 8000 8443
user daemon
cmd ./bin/server --config /opt/app/server.conf
