#include <string.h>

typedef struct st_mysql MYSQL;
MYSQL *mysql_real_connect(MYSQL *m, const char *host, const char *user, const char *passwd,
			  const char *db, unsigned int port, const char *sock, unsigned long flags);
typedef struct pg_conn PGconn;
PGconn *PQconnectdb(const char *conninfo);
char *crypt(const char *key, const char *salt);

static const char *db_password = "Tq8Lz3Vx7Km2";

int check_login(const char *password)
{
	return strcmp(password, "Op3nSesame42") == 0;
}

void connect_all(MYSQL *m)
{
	mysql_real_connect(m, "db", "app", "Rk9Vq2Lx7Zm4", "app", 3306, 0, 0);
	PQconnectdb("host=db user=app password=Wz4Kt8Lq2Xv7 dbname=app");
	crypt("Hm6Zq3Lx9Vt2", "$6$salt$");
	(void)db_password;
}
