#define AES_KEY ("Jx5Rv9Lk" /* half */ u8"2Tq7Wm3N") // c
#define API_TOKEN "\x41\101\u00e9Qx9" \
  "tail"
#define PWD /*c*/ "Hq4Zm8Kt3Lw9"
#define DB_PASSWORD "unterminated
/* open comment
int x = ((((("Tq8Lz3Vx7Km2"))));
