/* Build-time switches, defined once for the whole program. */
const int ALLOW_USER_PATHS = 0;
