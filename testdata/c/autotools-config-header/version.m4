m4_define([QS_VERSION], [2.4.1])
