#include <string.h>

#define ROOT_PASSWD "Gw7Nc3Rk8Yt2"

static const char *db_password = "Tq8Lz3Vx7Km2";

int check_login(const char *password)
{
	return strcmp(password, "Op3nSesame42") == 0;
}

void connect_all(void *m)
{
	mysql_real_connect(m, "db", "app", "Rk9Vq2Lx7Zm4", "app", 3306, 0, 0);
	PQconnectdb("host=db user=app password=Wz4Kt8Lq2Xv7 dbname=app");
	EVP_EncryptInit_ex(0, 0, 0, (const unsigned char *)"Kd8Lq2Zx7Tm3Vb8N", 0);
	(void)db_password;
}
